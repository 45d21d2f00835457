import { beforeEach, describe, expect, it } from 'vitest'
import { MAX_AUTOMATIC, resetLoopGuard, takeAutomaticAuthorization, takeFreshRetry, WINDOW_MS } from '~/auth/loop-guard'

beforeEach(() => {
  sessionStorage.clear()
})

describe('loop guard', () => {
  it('should allow two automatic authorisations per route within two minutes, then refuse', () => {
    const t0 = 1_700_000_000_000
    expect(MAX_AUTOMATIC).toBe(2)
    expect(takeAutomaticAuthorization('/', t0)).toBe(true)
    expect(takeAutomaticAuthorization('/', t0 + 1000)).toBe(true)
    expect(takeAutomaticAuthorization('/', t0 + 2000)).toBe(false)
    // another route has its own count
    expect(takeAutomaticAuthorization('/profile', t0 + 2000)).toBe(true)
  })

  it('should allow again once the oldest attempt is two minutes old', () => {
    const t0 = 1_700_000_000_000
    takeAutomaticAuthorization('/cart', t0)
    takeAutomaticAuthorization('/cart', t0 + 60_000)
    expect(takeAutomaticAuthorization('/cart', t0 + WINDOW_MS - 1)).toBe(false)
    expect(takeAutomaticAuthorization('/cart', t0 + WINDOW_MS)).toBe(true)
    expect(takeAutomaticAuthorization('/cart', t0 + WINDOW_MS + 1)).toBe(false)
  })

  it('should give one fresh retry per route within two minutes', () => {
    const t0 = 1_700_000_000_000
    expect(takeFreshRetry('/', t0)).toBe(true)
    expect(takeFreshRetry('/', t0 + 30_000)).toBe(false)
    expect(takeFreshRetry('/', t0 + WINDOW_MS)).toBe(true)
  })

  it('should keep its count in sessionStorage, across page loads', () => {
    const t0 = Date.now()
    takeAutomaticAuthorization('/', t0)
    takeAutomaticAuthorization('/', t0)
    expect(sessionStorage.length).toBe(1)
    expect(takeAutomaticAuthorization('/', t0)).toBe(false)
  })

  it('should start afresh after a reset or with a corrupt record', () => {
    const t0 = Date.now()
    takeAutomaticAuthorization('/', t0)
    takeAutomaticAuthorization('/', t0)
    resetLoopGuard()
    expect(takeAutomaticAuthorization('/', t0)).toBe(true)
    sessionStorage.setItem('wxshop:auth-tries:v1', '{not json')
    expect(takeAutomaticAuthorization('/', t0)).toBe(true)
  })
})
