import { describe, expect, it } from 'vitest'
import { createLoginThrottle } from '../../src/auth/login-throttle'

const MINUTE = 60 * 1000

function setup(options: { perPhone?: number, perIp?: number } = {}) {
  let time = Date.UTC(2025, 0, 1)
  const throttle = createLoginThrottle({ now: () => time, ...options })
  return { throttle, advance: (ms: number) => (time += ms) }
}

describe('login throttle', () => {
  const attempt = { phone: '13800138000', ip: '203.0.113.1' }

  it('should allow attempts when fewer than 5 failed for the phone', async () => {
    const { throttle } = setup()
    for (let i = 0; i < 4; i++)
      await throttle.recordFailure(attempt)
    expect(await throttle.check(attempt)).toEqual({ allowed: true })
  })

  it('should refuse until the oldest failure leaves the 15-minute window when 5 failed', async () => {
    const { throttle, advance } = setup()
    for (let i = 0; i < 5; i++) {
      await throttle.recordFailure(attempt)
      advance(MINUTE)
    }
    // failures at 0..4 min, now 5 min: the first one frees a slot at 15 min
    expect(await throttle.check(attempt)).toEqual({ allowed: false, retryAfterMs: 10 * MINUTE })
    advance(10 * MINUTE - 1)
    expect((await throttle.check(attempt)).allowed).toBe(false)
    advance(1)
    expect(await throttle.check(attempt)).toEqual({ allowed: true })
  })

  it('should count an IP across phones when 20 failed from it', async () => {
    const { throttle } = setup()
    for (let i = 0; i < 20; i++)
      await throttle.recordFailure({ phone: `1380013${String(i).padStart(4, '0')}`, ip: attempt.ip })
    expect((await throttle.check({ phone: '13900000000', ip: attempt.ip })).allowed).toBe(false)
    expect((await throttle.check({ phone: '13900000000', ip: '203.0.113.2' })).allowed).toBe(true)
  })

  it('should clear the phone\'s failures but not the IP\'s when a login succeeds', async () => {
    const { throttle } = setup({ perIp: 6 })
    for (let i = 0; i < 5; i++)
      await throttle.recordFailure(attempt)
    await throttle.recordSuccess(attempt)
    expect((await throttle.check(attempt)).allowed).toBe(true)
    await throttle.recordFailure(attempt)
    expect((await throttle.check({ ...attempt, phone: '13900000000' })).allowed).toBe(false)
  })
})
