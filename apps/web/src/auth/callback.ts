import { withoutOAuthParams } from '@wxshop/shared'

/**
 * WeChat's way back: `redirect_uri?code=CODE&state=STATE` when the user agreed, `?state=STATE` alone
 * when they refused. Read from `window.location.search`, never from the route: in hash mode the
 * query sits before the `#` (`/?code=X&state=Y#/product/3`), outside what the router sees.
 */
export interface OAuthCallback {
  /** null when the user refused consent. */
  code: string | null
  state: string
}

/** The fragment of WeChat's authorize URL; a browser may carry it over a redirect that has none. */
const WECHAT_FRAGMENT = '#wechat_redirect'

/** The callback in `search`, or null when this is not one (no `state` parameter). */
export function readCallback(search: string): OAuthCallback | null {
  const params = new URLSearchParams(search)
  const state = params.get('state')
  if (state === null)
    return null
  return { code: params.get('code') || null, state }
}

/** `hash` unless it is WeChat's own `#wechat_redirect`, which means no hash at all. */
export function withoutWechatFragment(hash: string): string {
  return hash === WECHAT_FRAGMENT ? '' : hash
}

/**
 * Removes `code` and `state` from the address bar, so back, refresh or a shared link never
 * reuses the code. Keeps the path, other parameters, the hash and `history.state` (vue-router
 * keeps its position and scroll there).
 */
export function stripCallback(): void {
  const { pathname, search, hash } = window.location
  window.history.replaceState(window.history.state, '', withoutCallbackParts(pathname + search + hash))
}

/** Codes posted in this page life: a code seen again (bfcache restore, a second guard run) is never re-posted. */
const posted = new Set<string>()

/** True the first time `code` is seen in this page life. */
export function claimCode(code: string): boolean {
  if (posted.has(code))
    return false
  posted.add(code)
  return true
}

/** A router full path (`/cart?x=1#top`) without `code`, `state` and WeChat's fragment. */
export function withoutCallbackParts(fullPath: string): string {
  const clean = withoutOAuthParams(fullPath)
  const hashAt = clean.indexOf('#')
  return hashAt === -1 ? clean : clean.slice(0, hashAt) + withoutWechatFragment(clean.slice(hashAt))
}
