import { describe, expect, it } from 'vitest'
import { hasOAuthParams, withoutOAuthParams } from '../src/oauth-callback'

describe('withoutOAuthParams', () => {
  it.each([
    ['a query string', '?a=1&code=X&b=%E4%B8%AD&state=Y&c', '?a=1&b=%E4%B8%AD&c'],
    ['a query of nothing else', '?code=X&state=Y', ''],
    ['names that only look alike, and an encoded name', '?codes=1&%73tate=Y', '?codes=1'],
    ['a path with a hash route', '/?from=share&code=old&state=old#/product/3', '/?from=share#/product/3'],
    ['a path with a hash', '/cart?code=X&state=Y&from=share#top', '/cart?from=share#top'],
    ['a path without a query', '/cart#code=X', '/cart#code=X'],
    ['a bare path', '/', '/'],
    ['an empty query', '/cart?', '/cart'],
  ])('should strip only code and state from %s, keeping every other byte', (_name, input, expected) => {
    expect(withoutOAuthParams(input)).toBe(expected)
  })
})

describe('hasOAuthParams', () => {
  it('should see code or state, in any encoding of their names, and nothing else', () => {
    expect(hasOAuthParams('?code=X&state=Y')).toBe(true)
    expect(hasOAuthParams('state=Y')).toBe(true)
    expect(hasOAuthParams('from=share&%63ode=X')).toBe(true)
    expect(hasOAuthParams('?codes=1&statement=2')).toBe(false)
    expect(hasOAuthParams('')).toBe(false)
  })
})
