import { describe, expect, it } from 'vitest'
import { createAttemptLimiter } from '../../src/auth/attempt-limiter'
import { createLoginThrottle, DEFAULT_LOGIN_LIMITS, type LoginAttempt } from '../../src/auth/login-throttle'

const MINUTE = 60 * 1000

function setup() {
  let time = Date.UTC(2025, 0, 1)
  const throttle = createLoginThrottle(createAttemptLimiter({ now: () => time }))
  return { throttle, advance: (ms: number) => (time += ms) }
}

describe('login throttle', () => {
  const attempt = { phone: '13800138000', ip: '203.0.113.1' }
  /** An attempt that turned out wrong: the reservation simply stays. */
  const fail = async (throttle: ReturnType<typeof setup>['throttle'], which: LoginAttempt = attempt) => (await throttle.begin(which)).allowed

  it('should allow 5 attempts for one phone from one address and refuse the sixth', async () => {
    const { throttle } = setup()
    for (let i = 0; i < 5; i++)
      expect(await fail(throttle)).toBe(true)
    expect(await fail(throttle)).toBe(false)
  })

  it('should admit exactly the limit when attempts are begun all at once', async () => {
    const { throttle } = setup()
    const verdicts = await Promise.all(Array.from({ length: 60 }, () => throttle.begin(attempt)))
    expect(verdicts.filter(verdict => verdict.allowed)).toHaveLength(5)
  })

  it('should refuse until the oldest failure leaves the 15-minute window when 5 failed', async () => {
    const { throttle, advance } = setup()
    for (let i = 0; i < 5; i++) {
      await fail(throttle)
      advance(MINUTE)
    }
    // failures at 0..4 min, now 5 min: the first one frees a slot at 15 min
    expect(await throttle.begin(attempt)).toEqual({ allowed: false, retryAfterMs: 10 * MINUTE })
    advance(10 * MINUTE - 1)
    expect(await fail(throttle)).toBe(false)
    advance(1)
    expect(await fail(throttle)).toBe(true)
  })

  it('should not count refused attempts, so a flood does not extend the wait', async () => {
    const { throttle, advance } = setup()
    for (let i = 0; i < 5; i++)
      await fail(throttle)
    for (let i = 0; i < 100; i++)
      await fail(throttle)
    advance(15 * MINUTE)
    expect(await fail(throttle)).toBe(true)
  })

  it('should count an address across phones when 20 failed from it', async () => {
    const { throttle } = setup()
    for (let i = 0; i < 20; i++)
      await fail(throttle, { phone: `1380013${String(i).padStart(4, '0')}`, ip: attempt.ip })
    expect(await fail(throttle, { phone: '13900000000', ip: attempt.ip })).toBe(false)
    expect(await fail(throttle, { phone: '13900000000', ip: '203.0.113.2' })).toBe(true)
  })

  it('should count IPv6 addresses of one /64 as one address', async () => {
    const { throttle } = setup()
    for (let i = 0; i < 5; i++)
      await fail(throttle, { ...attempt, ip: `2001:db8:1:2::${i + 1}` })
    expect(await fail(throttle, { ...attempt, ip: '2001:db8:1:2:ffff::9' })).toBe(false)
    expect(await fail(throttle, { ...attempt, ip: '2001:db8:1:3::1' })).toBe(true)
  })

  it('should keep the phone open to other addresses when one address used its 5 failures', async () => {
    const { throttle } = setup()
    for (let i = 0; i < 5; i++)
      await fail(throttle)
    expect(await fail(throttle)).toBe(false)
    expect(await fail(throttle, { ...attempt, ip: '198.51.100.9' })).toBe(true)
  })

  it('should close the phone to every address after 50 failures within the hour', async () => {
    const { throttle, advance } = setup()
    for (let i = 0; i < DEFAULT_LOGIN_LIMITS.perPhone; i++)
      expect(await fail(throttle, { ...attempt, ip: `203.0.113.${i + 10}` })).toBe(true)
    const verdict = await throttle.begin({ ...attempt, ip: '198.51.100.200' })
    expect(verdict).toEqual({ allowed: false, retryAfterMs: 60 * MINUTE })
    advance(60 * MINUTE)
    expect(await fail(throttle, { ...attempt, ip: '198.51.100.200' })).toBe(true)
  })

  it('should take a right password back and forget this address\'s misses for the phone, but not the address\'s count', async () => {
    const { throttle } = setup()
    for (let i = 0; i < 4; i++)
      await fail(throttle)
    const right = await throttle.begin(attempt)
    if (!right.allowed)
      throw new Error('the fifth attempt should be allowed')
    await right.succeeded()
    // five more for this phone from this address
    for (let i = 0; i < 5; i++)
      expect(await fail(throttle)).toBe(true)
    // the address has 4 + 5 failures on record: 11 more phones reach its 20
    for (let i = 0; i < 11; i++)
      expect(await fail(throttle, { phone: `1390013${String(i).padStart(4, '0')}`, ip: attempt.ip })).toBe(true)
    expect(await fail(throttle, { phone: '13700000000', ip: attempt.ip })).toBe(false)
  })

  it('should count a known device on its own, apart from the phone\'s ceiling and its address', async () => {
    const { throttle } = setup()
    for (let i = 0; i < DEFAULT_LOGIN_LIMITS.perPhone; i++)
      await fail(throttle, { ...attempt, ip: `203.0.113.${i + 10}` })
    expect(await fail(throttle, { ...attempt, ip: '203.0.113.10', device: 'owner-device' })).toBe(true)
    for (let i = 0; i < 4; i++)
      await fail(throttle, { ...attempt, device: 'owner-device' })
    expect(await fail(throttle, { ...attempt, device: 'owner-device' })).toBe(false)
  })
})
