/** Hides the password of a URL so it can go into an error message or a log line. */
export function redactUrl(value: string): string {
  if (!URL.canParse(value))
    return value
  const url = new URL(value)
  if (url.password === '')
    return value
  url.password = '***'
  return url.href
}

/** Query parameters whose values must never reach a log: WeChat's one-time OAuth code and our state. */
const SECRET_PARAMS = new Set(['code', 'state'])

/**
 * A request URL (path and query) with the values of `code` and `state` replaced by `[redacted]`,
 * for log lines: `/profile?code=abc&x=1` → `/profile?code=[redacted]&x=1`. The rest is kept as sent.
 */
export function redactOAuthParams(url: string): string {
  const queryAt = url.indexOf('?')
  if (queryAt === -1)
    return url
  const query = url.slice(queryAt + 1).split('&').map((pair) => {
    const eq = pair.indexOf('=')
    const name = eq === -1 ? pair : pair.slice(0, eq)
    return SECRET_PARAMS.has(decodeOrRaw(name).replaceAll('+', ' ')) ? `${name}=[redacted]` : pair
  })
  return `${url.slice(0, queryAt)}?${query.join('&')}`
}

/** A parsed query object (request.query) with the same values redacted. */
export function redactOAuthQuery(query: unknown): unknown {
  if (typeof query !== 'object' || query === null)
    return query
  return Object.fromEntries(Object.entries(query).map(([name, value]) => [name, SECRET_PARAMS.has(name) ? '[redacted]' : value]))
}

function decodeOrRaw(text: string): string {
  try {
    return decodeURIComponent(text)
  } catch {
    return text
  }
}
