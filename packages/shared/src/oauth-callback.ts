/**
 * WeChat's way back to us adds `code` and `state` to the query (before any `#`). Nothing of ours may
 * carry them on: a new authorisation, the address bar after a login, or a link a user shares.
 */
const OAUTH_PARAMS: ReadonlySet<string> = new Set(['code', 'state'])

/**
 * `url` (a path, a full path, or just `?search`) without `code` and `state` query parameters. Every
 * other byte stays as it was: other parameters are not re-encoded, and the `#hash` is kept.
 */
export function withoutOAuthParams(url: string): string {
  const hashAt = url.indexOf('#')
  const beforeHash = hashAt === -1 ? url : url.slice(0, hashAt)
  const hash = hashAt === -1 ? '' : url.slice(hashAt)
  const queryAt = beforeHash.indexOf('?')
  if (queryAt === -1)
    return url
  const kept = beforeHash.slice(queryAt + 1).split('&')
    .filter(part => part !== '' && !OAUTH_PARAMS.has(paramName(part)))
  return `${beforeHash.slice(0, queryAt)}${kept.length > 0 ? `?${kept.join('&')}` : ''}${hash}`
}

/** True when the query string `search` (with or without `?`) holds `code` or `state`. */
export function hasOAuthParams(search: string): boolean {
  return search.replace(/^\?/, '').split('&').some(part => OAUTH_PARAMS.has(paramName(part)))
}

/** A parameter's name as URLSearchParams reads it (`+` is a space, %-escapes decoded). */
function paramName(part: string): string {
  const name = (part.split('=', 1)[0] ?? '').replace(/\+/g, ' ')
  try {
    return decodeURIComponent(name)
  } catch {
    return name
  }
}
