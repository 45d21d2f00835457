import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { MAX_AUTOMATIC, resetLoopGuard, takeAutomaticAuthorization, takeFreshRetry, WINDOW_MS } from '~/auth/loop-guard'

beforeEach(() => {
  sessionStorage.clear()
})

afterEach(() => {
  vi.unstubAllGlobals()
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

  it('should refuse when it cannot keep count, since a loop is worse than an error page', () => {
    // a private mode that reads but refuses every write
    vi.stubGlobal('sessionStorage', {
      getItem: () => null,
      setItem: () => {
        throw new DOMException('quota', 'QuotaExceededError')
      },
      removeItem: () => {},
    })
    expect(takeAutomaticAuthorization('/', Date.now())).toBe(false)
    expect(takeFreshRetry('/', Date.now())).toBe(false)
  })

  it('should not count attempts stamped in the future, so a clock set back locks nobody out', () => {
    const t0 = 1_700_000_000_000
    takeAutomaticAuthorization('/', t0 + 60_000)
    takeAutomaticAuthorization('/', t0 + 60_000)
    expect(takeAutomaticAuthorization('/', t0)).toBe(true)
  })
})
