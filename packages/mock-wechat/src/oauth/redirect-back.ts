/**
 * The URL WeChat sends the browser back to: `redirect_uri` with `code`/`state` appended to its query.
 * The existing query is kept byte for byte, and a `#fragment` stays last, so hash-routed apps come
 * back as `https://host/?code=X&state=Y#/route`.
 */
export function redirectBack(redirectUri: string, params: ReadonlyArray<readonly [string, string]>): string {
  const hashAt = redirectUri.indexOf('#')
  const base = hashAt === -1 ? redirectUri : redirectUri.slice(0, hashAt)
  const hash = hashAt === -1 ? '' : redirectUri.slice(hashAt)
  const query = params.map(([key, value]) => `${key}=${encodeURIComponent(value)}`).join('&')
  const separator = !base.includes('?') ? '?' : /[?&]$/.test(base) ? '' : '&'
  return `${base}${separator}${query}${hash}`
}
