import { ErrorCode, type OAuthScope, routeAuthFor } from '@wxshop/shared'
import { parseQuery, type RouteLocationNormalized, type RouteLocationRaw } from 'vue-router'
import { exchangeCode } from '~/api/auth'
import { isApiError } from '~/api/client'
import { useSessionStore } from '~/stores/session'
import { AuthErrorReason, authErrorRoute, authorize, reasonOf, scopeFor } from './authorize'
import { claimCode, readCallback, stripCallback, withoutCallbackParts, withoutWechatFragment } from './callback'
import { takeAutomaticAuthorization, takeFreshRetry } from './loop-guard'
import { safePath } from './return-to'

export type GuardResult = boolean | RouteLocationRaw

/**
 * The WeChat login guard (ARCHITECTURE.md "Flows: Login"), in order: finish an OAuth callback,
 * identify the user (GET /api/me once, else authorise), upgrade to snsapi_userinfo where the
 * profile is shown, send unbound users to /login before account pages. Every automatic trip to
 * WeChat goes through loop-guard.ts. A 快照页 visitor only browses (App.vue explains the rest).
 */
export async function authGuard(to: RouteLocationNormalized): Promise<GuardResult> {
  // Hash mode: a browser may carry WeChat's own `#wechat_redirect` over a redirect back that has no
  // fragment (a server-made authorisation, which only knows `/`), and the router reads it as a route.
  if (to.path === '/wechat_redirect')
    return { path: '/', replace: true }
  const fromCallback = await completeCallback(to)
  if (fromCallback !== undefined)
    return fromCallback
  return identify(to)
}

/** Pages a 快照页 identity cannot use: App.vue shows the explanation instead of the page. */
export function needsFullService(route: Pick<RouteLocationNormalized, 'path' | 'name'>): boolean {
  const auth = routeAuthFor(route.path)
  return auth.account || auth.scope === 'snsapi_userinfo' || route.name === 'login'
}

/** Handles `?code&state` / `?state` in the address bar; undefined when there is none (or nothing left to do). */
async function completeCallback(to: RouteLocationNormalized): Promise<GuardResult | undefined> {
  const callback = readCallback(window.location.search)
  if (!callback)
    return undefined
  const session = useSessionStore()
  const returnTo = withoutCallbackParts(to.fullPath)
  if (callback.code === null) {
    // The user tapped 拒绝: say what that means, and never ask again by ourselves.
    stripCallback()
    return { path: '/auth/denied', query: { returnTo }, replace: true }
  }
  if (claimCode(callback.code)) {
    try {
      session.setMe(await exchangeCode({ code: callback.code, state: callback.state }))
    } catch (error) {
      stripCallback()
      return afterFailedExchange(error, to, returnTo)
    }
  }
  stripCallback()
  // History mode: the router saw the parameters too; continue to the same route without them.
  if ('code' in to.query || 'state' in to.query || withoutWechatFragment(to.hash) !== to.hash) {
    const { code: _code, state: _state, ...query } = to.query
    return { path: to.path, query, hash: withoutWechatFragment(to.hash), replace: true }
  }
  return undefined
}

/** A used or expired code, or a refused state: one fresh authorisation per route, then /auth/error. */
function afterFailedExchange(error: unknown, to: RouteLocationNormalized, returnTo: string): Promise<GuardResult> | GuardResult {
  const code = isApiError(error) ? error.code : ''
  const reason = code === ErrorCode.OAuthCodeInvalid
    ? AuthErrorReason.CodeInvalid
    : code === ErrorCode.OAuthStateInvalid || code === ErrorCode.Validation ? AuthErrorReason.StateInvalid : null
  if (reason === null)
    return authErrorRoute(reasonOf(error), returnTo)
  if (!takeFreshRetry(to.path))
    return authErrorRoute(reason, returnTo)
  return automatic(scopeFor(to.path), to.path, returnTo)
}

async function identify(to: RouteLocationNormalized): Promise<GuardResult> {
  // What the page needs comes from the shared table, so the API's page fast path decides alike.
  const auth = routeAuthFor(to.path)
  if (!auth.scope)
    return true
  const session = useSessionStore()
  let me
  try {
    me = await session.loadMe()
  } catch (error) {
    // Nobody could say who this is (network, server): browsing goes on, a page that needs the user explains.
    return auth.account || auth.scope === 'snsapi_userinfo' ? authErrorRoute(reasonOf(error), to.fullPath) : true
  }
  if (session.snapshot)
    return true
  if (!me)
    return automatic(auth.scope, to.path, to.fullPath)
  if (auth.scope === 'snsapi_userinfo' && me.scope === 'snsapi_base')
    return automatic('snsapi_userinfo', to.path, to.fullPath)
  // Bound means `account` is there: Me holds no separate flag to disagree with it.
  if (auth.account && me.account === null)
    return { path: '/login', query: { redirect: to.fullPath } }
  if (to.name === 'login' && me.account !== null)
    return { ...splitPath(safePath(to.query.redirect, '/profile')), replace: true }
  return true
}

/** An authorisation nobody tapped for: allowed twice per route per two minutes, then /auth/error. */
async function automatic(scope: OAuthScope, routeKey: string, fullPath: string): Promise<GuardResult> {
  if (!takeAutomaticAuthorization(routeKey))
    return authErrorRoute(AuthErrorReason.Loop, fullPath)
  return authorize(scope, fullPath)
}

/** A full path as a location object (a string could not carry `replace`). */
function splitPath(fullPath: string) {
  const [beforeHash = '', ...hash] = fullPath.split('#')
  const [path = '/', ...search] = beforeHash.split('?')
  return { path, query: parseQuery(search.join('?')), hash: hash.length > 0 ? `#${hash.join('#')}` : '' }
}
