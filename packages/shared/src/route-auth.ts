/**
 * What each SPA path needs before it may render. One table read by the SPA router (route meta) and by
 * the API's page fast path (which answers a session-less page request with the WeChat redirect before
 * the SPA loads, so a new user costs one document load instead of three).
 */
import type { OAuthScope } from './schemas/auth'

export interface RouteAuth {
  /** the WeChat identity the page needs: silent `snsapi_base` or the profile (`snsapi_userinfo`) */
  scope: OAuthScope | null
  /** an unbound user goes to /login first */
  account: boolean
}

const rules: Array<{ pattern: RegExp, auth: RouteAuth }> = [
  { pattern: /^\/profile\/?$/, auth: { scope: 'snsapi_userinfo', account: true } },
  { pattern: /^\/(checkout|orders)(\/.*)?$/, auth: { scope: 'snsapi_base', account: true } },
  // pages about authorisation itself must render without it, or a failure could never be shown
  { pattern: /^\/(auth|open-in-wechat)(\/.*)?$/, auth: { scope: null, account: false } },
]

const defaultAuth: RouteAuth = { scope: 'snsapi_base', account: false }

/** The auth a path needs; every other page needs the silent WeChat identity. */
export function routeAuthFor(path: string): RouteAuth {
  return rules.find(rule => rule.pattern.test(path))?.auth ?? defaultAuth
}
