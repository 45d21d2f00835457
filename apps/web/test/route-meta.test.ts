import { routeAuthFor } from '@wxshop/shared'
import { describe, expect, it } from 'vitest'
import { routes } from '~/router/routes'

/** A concrete URL path for each route pattern. */
function samplePath(path: string): string {
  if (path === '/:pathMatch(.*)*')
    return '/no-such-page'
  return path.replace(/:(\w+)\([^)]*\)/g, '3').replace(/:(\w+)/g, 'x')
}

describe('route meta', () => {
  it.each(routes.map(route => [route.path, samplePath(route.path), route.meta] as const))(
    'should agree with routeAuthFor for %s',
    (_pattern, path, meta) => {
      const expected = routeAuthFor(path)
      const scope = meta?.auth === 'userinfo' ? 'snsapi_userinfo' : meta?.auth === 'base' ? 'snsapi_base' : null
      expect(meta && 'auth' in meta && 'account' in meta).toBe(true)
      expect({ scope, account: meta?.account }).toEqual(expected)
    },
  )

  it('should hold the routes the login flow needs', () => {
    const paths = routes.map(route => route.path)
    expect(paths).toEqual(expect.arrayContaining(['/', '/profile', '/login', '/auth/denied', '/auth/error', '/open-in-wechat']))
  })
})
