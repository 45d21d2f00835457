import { ErrorCode, isWechat, type OAuthScope, routeAuthFor } from '@wxshop/shared'
import type { RouteLocationRaw } from 'vue-router'
import { authorizeUrl } from '~/api/auth'
import { isApiError, TransportErrorCode } from '~/api/client'
import { useAppConfigStore } from '~/stores/app-config'
import { navigateAway } from './navigate-away'
import { returnToFor } from './return-to'

/** Why /auth/error is shown; the page words each one. */
export const AuthErrorReason = {
  /** WeChat refused the code again after one fresh try (used twice or expired). */
  CodeInvalid: 'code_invalid',
  /** Our state was refused again after one fresh try (foreign, expired, used). */
  StateInvalid: 'state_invalid',
  /** WeChat or the network did not answer (timeout, busy). */
  Unavailable: 'unavailable',
  /** Automatic authorisations for this page ran out (loop-guard.ts). */
  Loop: 'loop',
  Unknown: 'unknown',
} as const
export type AuthErrorReason = typeof AuthErrorReason[keyof typeof AuthErrorReason]

/**
 * The scope a path asks WeChat for (`routeAuthFor`, the table the API's page fast path reads): the
 * profile only where it is shown; the silent one for pages that need none but were asked anyway.
 */
export function scopeFor(path: string): OAuthScope {
  return routeAuthFor(path).scope ?? 'snsapi_base'
}

/** /auth/error for `reason`; `returnTo` (a router full path) is where 重试 goes back to. */
export function authErrorRoute(reason: AuthErrorReason, returnTo: string): RouteLocationRaw {
  return { path: '/auth/error', query: { reason, returnTo }, replace: true }
}

/** The /auth/error reason for a failed API call on the way through WeChat. */
export function reasonOf(error: unknown): AuthErrorReason {
  if (!isApiError(error))
    return AuthErrorReason.Unknown
  switch (error.code) {
    case ErrorCode.WechatUnavailable:
    case TransportErrorCode.Network:
    case TransportErrorCode.Timeout:
      return AuthErrorReason.Unavailable
    default:
      return AuthErrorReason.Unknown
  }
}

/**
 * Starts a WeChat authorisation that comes back to `fullPath` (a router full path). Resolves
 * `false` (a guard returns it to cancel the navigation) when the page has left for WeChat, which in
 * practice means never, or the route to show instead: /open-in-wechat outside WeChat in live mode,
 * /auth/error when the API could not start it. The caller decides whether it may (loop-guard.ts).
 */
export async function authorize(scope: OAuthScope, fullPath: string): Promise<false | RouteLocationRaw> {
  // In mock mode every browser plays WeChat; live WeChat would only say 请在微信客户端打开链接.
  const config = await useAppConfigStore().load()
  if (config?.mode === 'live' && !isWechat(navigator.userAgent))
    return { path: '/open-in-wechat', query: { returnTo: fullPath }, replace: true }
  let url: string
  try {
    url = await authorizeUrl({ scope, returnTo: returnToFor(fullPath) })
  } catch (error) {
    return authErrorRoute(reasonOf(error), fullPath)
  }
  await navigateAway(url)
  return false
}
