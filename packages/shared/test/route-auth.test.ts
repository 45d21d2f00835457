import { describe, expect, it } from 'vitest'
import { routeAuthFor } from '../src/route-auth'

// One table for the SPA's guard and the API's page fast path: what each kind of page needs.
describe('routeAuthFor', () => {
  it.each([
    ['/', 'snsapi_base', false],
    ['/product/3', 'snsapi_base', false],
    ['/cart', 'snsapi_base', false],
    ['/login', 'snsapi_base', false],
    ['/no-such-page', 'snsapi_base', false],
    ['/profile', 'snsapi_userinfo', true],
    ['/profile/', 'snsapi_userinfo', true],
    ['/checkout', 'snsapi_base', true],
    ['/orders/3', 'snsapi_base', true],
    ['/auth/denied', null, false],
    ['/auth/error', null, false],
    ['/open-in-wechat', null, false],
  ] as const)('should say what %s needs', (path, scope, account) => {
    expect(routeAuthFor(path)).toEqual({ scope, account })
  })
})
