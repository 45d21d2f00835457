import { describe, expect, it } from 'vitest'
import { createAttemptLimiter } from '../../src/auth/attempt-limiter'
import { createRegisterThrottle } from '../../src/auth/register-throttle'

describe('register throttle', () => {
  let phones = 0
  const phone = () => `1380000${String(++phones).padStart(4, '0')}`
  const setup = () => createRegisterThrottle(createAttemptLimiter())

  it('should refuse an address after 30 attempts by different WeChat users', async () => {
    const throttle = setup()
    for (let i = 0; i < 30; i++)
      expect((await throttle.begin({ phone: phone(), ip: '203.0.113.1', openid: `o${i}` })).allowed).toBe(true)
    expect((await throttle.begin({ phone: phone(), ip: '203.0.113.1', openid: 'oNew' })).allowed).toBe(false)
    expect((await throttle.begin({ phone: phone(), ip: '203.0.113.2', openid: 'oNew' })).allowed).toBe(true)
  })

  it('should refuse a WeChat user after 10 attempts from any addresses', async () => {
    const throttle = setup()
    for (let i = 0; i < 10; i++)
      expect((await throttle.begin({ phone: phone(), ip: `203.0.113.${i + 1}`, openid: 'oProber' })).allowed).toBe(true)
    expect((await throttle.begin({ phone: phone(), ip: '198.51.100.1', openid: 'oProber' })).allowed).toBe(false)
  })

  it('should refuse a phone after 5 attempts by anyone', async () => {
    const throttle = setup()
    const probed = phone()
    for (let i = 0; i < 5; i++)
      expect((await throttle.begin({ phone: probed, ip: `203.0.113.${i + 1}`, openid: `o${i}` })).allowed).toBe(true)
    expect((await throttle.begin({ phone: probed, ip: '198.51.100.1', openid: 'oOther' })).allowed).toBe(false)
  })
})
