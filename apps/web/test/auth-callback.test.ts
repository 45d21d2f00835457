import { afterEach, describe, expect, it } from 'vitest'
import { claimCode, readCallback, stripCallback, withoutCallbackParts } from '~/auth/callback'
import { returnToFor, safePath } from '~/auth/return-to'

afterEach(() => {
  window.history.replaceState(null, '', '/')
})

describe('OAuth callback', () => {
  it('should read code and state from the query of a history-mode URL', () => {
    window.history.replaceState(null, '', '/product/3?from=share&code=CODE1&state=STATE1')
    expect(readCallback(window.location.search)).toEqual({ code: 'CODE1', state: 'STATE1' })
  })

  it('should read code and state from before the # in a hash-mode URL', () => {
    window.history.replaceState(null, '', '/?code=CODE2&state=STATE2#/product/3')
    expect(window.location.hash).toBe('#/product/3')
    expect(readCallback(window.location.search)).toEqual({ code: 'CODE2', state: 'STATE2' })
  })

  it('should read a refusal as state without code', () => {
    expect(readCallback('?state=S')).toEqual({ code: null, state: 'S' })
    expect(readCallback('?code=&state=S')).toEqual({ code: null, state: 'S' })
  })

  it('should not take a page without state for a callback', () => {
    expect(readCallback('')).toBeNull()
    expect(readCallback('?code=promo&from=share')).toBeNull()
  })

  it('should clean a router full path, including WeChat\'s #wechat_redirect', () => {
    expect(withoutCallbackParts('/cart?code=X&state=Y&from=share#top')).toBe('/cart?from=share#top')
    expect(withoutCallbackParts('/profile?state=Y#wechat_redirect')).toBe('/profile')
    expect(withoutCallbackParts('/')).toBe('/')
  })

  it('should remove code and state from the address bar with replaceState, keeping the hash and history.state', () => {
    const routerState = { back: null, current: '/product/3', forward: null, position: 4, replaced: true, scroll: null }
    window.history.replaceState(routerState, '', '/?from=share&code=C&state=S#/product/3')
    const length = window.history.length
    stripCallback()
    expect(window.location.pathname + window.location.search + window.location.hash).toBe('/?from=share#/product/3')
    expect(window.history.state).toEqual(routerState)
    expect(window.history.length).toBe(length)
  })

  it('should leave the address bar alone when there is nothing to strip', () => {
    window.history.replaceState({ position: 1 }, '', '/cart?from=share')
    stripCallback()
    expect(window.location.href).toBe('http://localhost:3000/cart?from=share')
  })

  it('should claim a code once per page life', () => {
    expect(claimCode('ONCE')).toBe(true)
    expect(claimCode('ONCE')).toBe(false)
    expect(claimCode('OTHER')).toBe(true)
  })
})

describe('return paths', () => {
  it('should send WeChat back to the full path in history mode and to /#path in hash mode', () => {
    expect(returnToFor('/product/3?from=share', false)).toBe('/product/3?from=share')
    expect(returnToFor('/product/3?from=share', true)).toBe('/#/product/3?from=share')
  })

  // The rule itself (isSafeReturnPath) has its table of attacks in packages/shared/test.
  it('should take a redirect from the query only when it is a safe path on our own origin', () => {
    expect(safePath('/product/3?x=1#/a', '/profile')).toBe('/product/3?x=1#/a')
    expect(safePath(['/cart'], '/profile')).toBe('/cart')
    for (const bad of ['/..//evil.example', '//evil.example', '/\\evil.example', 'https://evil.example/', 'cart', '', undefined, null, ['//evil.example']])
      expect(safePath(bad, '/profile')).toBe('/profile')
  })
})
