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

const OAUTH_PARAMS = ['code', 'state']
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

/** `search` without `code` and `state`; every other parameter is kept byte for byte. */
export function withoutOAuthParams(search: string): string {
  const kept = search.replace(/^\?/, '').split('&')
    .filter(part => part !== '' && !OAUTH_PARAMS.includes(paramName(part)))
  return kept.length > 0 ? `?${kept.join('&')}` : ''
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
  const clean = withoutCallbackParts(pathname + search + hash)
  if (clean !== pathname + search + hash)
    window.history.replaceState(window.history.state, '', clean)
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

function paramName(part: string): string {
  const name = (part.split('=', 1)[0] ?? '').replace(/\+/g, ' ')
  try {
    return decodeURIComponent(name)
  } catch {
    return name
  }
}

/** A router full path (`/cart?x=1#top`) without `code`, `state` and WeChat's fragment. */
export function withoutCallbackParts(fullPath: string): string {
  const hashAt = fullPath.indexOf('#')
  const beforeHash = hashAt === -1 ? fullPath : fullPath.slice(0, hashAt)
  const hash = hashAt === -1 ? '' : fullPath.slice(hashAt)
  const queryAt = beforeHash.indexOf('?')
  const path = queryAt === -1 ? beforeHash : beforeHash.slice(0, queryAt)
  const search = queryAt === -1 ? '' : beforeHash.slice(queryAt)
  return path + withoutOAuthParams(search) + withoutWechatFragment(hash)
}
