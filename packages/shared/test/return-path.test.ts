import { Value } from 'typebox/value'
import { describe, expect, it } from 'vitest'
import { isSafeReturnPath, RETURN_PATH_MAX_LENGTH } from '../src/return-path'
import { ReturnToSchema } from '../src/schemas/auth'

// Every row goes through the predicate (a plain RegExp) and the schema (TypeBox's checker, which
// compiles the pattern with the u flag, as the API's ajv does): one rule, read the same both ways.
const accepts = (value: string) => {
  const predicate = isSafeReturnPath(value)
  expect(Value.Check(ReturnToSchema, value), `schema and predicate disagree on ${JSON.stringify(value)}`).toBe(predicate)
  return predicate
}

describe('isSafeReturnPath and ReturnToSchema', () => {
  it.each([
    ['the home page', '/'],
    ['a page with a query and a hash', '/product/3?x=1#/a'],
    ['a hash-mode route', '/#/cart'],
    ['a hash-mode route with a query', '/#/product/3?from=share'],
    ['a query before a hash route (WeChat\'s way back)', '/?from=share#/product/3'],
    ['an encoded slash in the query', '/login?redirect=%2Fproduct%2F3'],
    ['an encoded backslash in the hash', '/cart#a%5Cb'],
    ['a dot segment inside the query', '/login?redirect=/../x'],
    ['dots that are not a segment', '/files/a..b/.hidden/...'],
    ['percent-encoded Chinese', '/search?q=%E6%B0%B4%E6%9E%9C'],
    ['an encoded character in the path', '/tag/%E6%B0%B4'],
    ['a trailing slash', '/profile/'],
    ['the longest allowed path', `/${'a'.repeat(RETURN_PATH_MAX_LENGTH - 1)}`],
  ])('should accept %s: %s', (_name, path) => {
    expect(accepts(path)).toBe(true)
  })

  it.each([
    ['a protocol-relative URL', '//evil.example'],
    ['a protocol-relative URL with a path', '//evil.example/x'],
    ['a dot-dot segment that resolves to //host', '/..//evil.example'],
    ['a dot segment that resolves to //host', '/.//evil.example'],
    ['a dot-dot segment further in', '/a/..//evil.example'],
    ['a trailing dot-dot segment', '/a/..'],
    ['a dot-dot segment before the query', '/..?x=1'],
    ['an encoded dot-dot segment', '/%2e%2e//evil.example'],
    ['a half-encoded dot-dot segment', '/.%2E//evil.example'],
    ['a backslash right after the slash', '/\\evil.example'],
    ['a backslash later in the path', '/a\\..\\\\evil.example'],
    ['a backslash in the query', '/?x=\\'],
    ['an encoded slash in the path', '/%2f%2fevil.example'],
    ['an upper-case encoded slash', '/%2F/evil.example'],
    ['an encoded backslash in the path', '/%5cevil.example'],
    ['an upper-case encoded backslash', '/%5C%5Cevil.example'],
    ['a bad %-escape', '/%zz'],
    ['a cut-off %-escape', '/a%2'],
    ['a tab that browsers strip', '/\t/evil.example'],
    ['a newline that browsers strip', '/\n/evil.example'],
    ['a carriage return', '/\r/evil.example'],
    ['a NUL', '/a\u0000b'],
    ['a C1 control character', '/a\u0085b'],
    ['a space', '/a b'],
    ['a space in the query', '/?q=a b'],
    ['a no-break space', '/a\u00A0b'],
    ['a line separator', '/a\u2028b'],
    ['an absolute URL', 'https://evil.example/'],
    ['a javascript: URL', 'javascript:alert(1)'],
    ['a relative path', 'cart'],
    ['an empty string', ''],
    ['a path one character too long', `/${'a'.repeat(RETURN_PATH_MAX_LENGTH)}`],
  ])('should refuse %s', (_name, path) => {
    expect(accepts(path)).toBe(false)
  })
})
