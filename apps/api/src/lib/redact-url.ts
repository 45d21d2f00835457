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
