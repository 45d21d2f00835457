import { describe, expect, it } from 'vitest'
import { redactOAuthParams, redactOAuthQuery, redactUrl } from '../../src/lib/redact-url'

describe('URL redaction for logs', () => {
  it.each([
    ['/profile?code=abc&state=xyz', '/profile?code=[redacted]&state=[redacted]'],
    ['/?from=share&code=abc', '/?from=share&code=[redacted]'],
    ['/?cod%65=abc&STATE=kept', '/?cod%65=[redacted]&STATE=kept'],
    ['/?code', '/?code=[redacted]'],
    ['/cart', '/cart'],
    ['/?barcode=1&codes=2', '/?barcode=1&codes=2'],
  ])('should turn %s into %s when logging', (url, logged) => {
    expect(redactOAuthParams(url)).toBe(logged)
  })

  it('should redact a parsed query object the same way', () => {
    expect(redactOAuthQuery({ code: 'abc', state: 'x', q: 'tea' })).toEqual({ code: '[redacted]', state: '[redacted]', q: 'tea' })
  })

  it('should hide a database password when a URL holds one', () => {
    expect(redactUrl('postgres://shop:hunter2@db/shop')).toBe('postgres://shop:***@db/shop')
  })
})
