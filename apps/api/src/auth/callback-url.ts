/** Query parameters WeChat adds on the way back; a new authorisation must not carry stale ones. */
const OAUTH_PARAMS = new Set(['code', 'state'])

/**
 * The redirect_uri for WeChat: our public origin + `returnTo`, minus any `code`/`state` query
 * parameters. Other parameters are kept byte for byte (no re-encoding), and so is a `#/hash-route`:
 * WeChat puts its parameters before the `#`, so the page comes back as `/?code=X&state=Y#/route`.
 * The origin is always ours: `returnTo` is appended as text, never resolved as a URL, so even
 * `//elsewhere` stays a path on our host.
 */
export function callbackUrl(publicUrl: string, returnTo: string): string {
  const origin = new URL(publicUrl).origin
  const hashAt = returnTo.indexOf('#')
  const beforeHash = hashAt === -1 ? returnTo : returnTo.slice(0, hashAt)
  const hash = hashAt === -1 ? '' : returnTo.slice(hashAt)
  const queryAt = beforeHash.indexOf('?')
  const path = queryAt === -1 ? beforeHash : beforeHash.slice(0, queryAt)
  const kept = queryAt === -1
    ? []
    : beforeHash.slice(queryAt + 1).split('&').filter(part => part !== '' && !OAUTH_PARAMS.has(paramName(part)))
  return `${origin}${path}${kept.length > 0 ? `?${kept.join('&')}` : ''}${hash}`
}

function paramName(part: string): string {
  const name = part.split('=', 1)[0]!.replace(/\+/g, ' ')
  try {
    return decodeURIComponent(name)
  } catch {
    return name
  }
}
