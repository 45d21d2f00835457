import { beforeEach, describe, expect, it, vi } from 'vitest'
import { countRows, createBrowser, newOpenid, setCookieLines, wechatLogin, type Browser } from '../auth-flow'
import { useAppWithMockWechat } from '../helper'

const PASSWORD = 'secret123'
let phones = 0
/** A fresh, valid mainland mobile number. */
function newPhone(): string {
  phones += 1
  return `139${String(Date.now() % 1e4).padStart(4, '0')}${String(phones).padStart(4, '0')}`
}
const masked = (phone: string) => `${phone.slice(0, 3)}****${phone.slice(7)}`

describe('shop accounts and binding', () => {
  const stack = useAppWithMockWechat()

  let browser: Browser
  let openid: string
  beforeEach(async () => {
    openid = newOpenid()
    browser = (await wechatLogin(stack.app, stack.mock, { openid })).browser
  })

  const identityAccount = async (id = openid) =>
    (await stack.app.db.selectFrom('wechat_identities').select('account_id').where('openid', '=', id).executeTakeFirstOrThrow()).account_id
  const register = (phone: string, password = PASSWORD, who = browser) => who.post('/api/account/register', { phone, password })
  const login = (phone: string, password = PASSWORD, who = browser) => who.post('/api/account/login', { phone, password })

  describe('POST /api/account/register', () => {
    it('should create the account and bind the session and the WeChat identity when the form is valid', async () => {
      const phone = newPhone()
      const response = await register(phone)
      expect(response.statusCode).toBe(200)
      const me = response.json()
      expect(me).toMatchObject({ openid, snapshot: false, account: { id: expect.any(Number), phone: masked(phone) } })
      expect(await identityAccount()).toBe(me.account.id)
      // the login answer does not ask WeChat whether the user follows; /api/me does
      expect((await browser.get('/api/me')).json()).toEqual({ ...me, subscribed: expect.any(Boolean) })
      expect(JSON.stringify(me)).not.toContain(phone)
    })

    it('should store the password as an argon2id hash when registering', async () => {
      const phone = newPhone()
      await register(phone)
      const row = await stack.app.db.selectFrom('accounts').select('password_hash').where('phone', '=', phone).executeTakeFirstOrThrow()
      expect(row.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/)
      expect(row.password_hash).not.toContain(PASSWORD)
    })

    it('should answer 409 CONFLICT in Chinese when the phone is already registered', async () => {
      const phone = newPhone()
      await register(phone)
      const other = (await wechatLogin(stack.app, stack.mock, { openid: newOpenid() })).browser
      const response = await register(phone, 'another1', other)
      expect(response.statusCode).toBe(409)
      expect(response.json()).toEqual({ error: { code: 'CONFLICT', message: '该手机号已注册，请直接登录' } })
    })

    it.each([
      ['letters only', 'abcdefgh'],
      ['digits only', '12345678'],
      ['too short', 'abc1234'],
      ['too long', `a1${'x'.repeat(63)}`],
    ])('should answer 400 VALIDATION with the password rule when the password is %s', async (_, password) => {
      const before = await countRows(stack.app, 'accounts')
      const response = await register(newPhone(), password)
      expect(response.statusCode).toBe(400)
      expect(response.json()).toEqual({ error: { code: 'VALIDATION', message: '密码需为 8–64 位，且同时包含字母和数字' } })
      expect(await countRows(stack.app, 'accounts')).toBe(before)
    })

    it.each(['1380013800', '23800138000', '138001380001', 'phone'])('should answer 400 VALIDATION in Chinese when the phone is %s', async (phone) => {
      const response = await register(phone)
      expect(response.statusCode).toBe(400)
      expect(response.json()).toEqual({ error: { code: 'VALIDATION', message: '请输入正确的 11 位手机号' } })
    })

    it('should answer 400 VALIDATION and create nothing when the phone is sent as a JSON number', async () => {
      const before = await countRows(stack.app, 'accounts')
      const response = await browser.post('/api/account/register', { phone: Number(newPhone()), password: PASSWORD })
      expect(response.statusCode).toBe(400)
      expect(response.json()).toEqual({ error: { code: 'VALIDATION', message: '请输入正确的 11 位手机号' } })
      expect(await countRows(stack.app, 'accounts')).toBe(before)
    })

    it('should answer 401 UNAUTHORIZED when there is no WeChat session', async () => {
      const response = await register(newPhone(), PASSWORD, createBrowser(stack.app))
      expect(response.statusCode).toBe(401)
      expect(response.json().error.code).toBe('UNAUTHORIZED')
    })
  })

  describe('POST /api/account/login', () => {
    let phone: string
    beforeEach(async () => {
      phone = newPhone()
      const owner = (await wechatLogin(stack.app, stack.mock, { openid: newOpenid() })).browser
      await register(phone, PASSWORD, owner)
    })

    it('should bind this WeChat identity to the account when the password is right', async () => {
      const response = await login(phone)
      expect(response.statusCode).toBe(200)
      expect(response.json()).toMatchObject({ openid, account: { phone: masked(phone) } })
      expect(await identityAccount()).toBe(response.json().account.id)
    })

    it('should answer 400 VALIDATION and bind nothing when the password is sent as an array', async () => {
      const response = await browser.post('/api/account/login', { phone, password: [PASSWORD] })
      expect(response.statusCode).toBe(400)
      expect(response.json()).toEqual({ error: { code: 'VALIDATION', message: '请输入密码（最多 64 位）' } })
      expect(await identityAccount()).toBeNull()
    })

    it('should answer 401 with one message for a wrong password and for an unknown phone', async () => {
      const verifyNobody = vi.spyOn(stack.app.passwordHasher, 'verifyNobody')
      const wrong = await login(phone, 'wrong-pass1')
      const unknown = await login(newPhone())
      for (const response of [wrong, unknown]) {
        expect(response.statusCode).toBe(401)
        expect(response.json()).toEqual({ error: { code: 'UNAUTHORIZED', message: '手机号或密码错误' } })
      }
      // the unknown phone still cost a verify, so timing does not reveal which phones exist
      expect(verifyNobody).toHaveBeenCalledTimes(1)
      verifyNobody.mockRestore()
      expect(await identityAccount()).toBeNull()
    })

    it('should answer 429 RATE_LIMITED with Retry-After after 5 failures for one phone', async () => {
      for (let attempt = 0; attempt < 5; attempt++)
        expect((await login(phone, 'wrong-pass1')).statusCode).toBe(401)
      // refused even with the right password, until the window frees an attempt
      const response = await login(phone)
      expect(response.statusCode).toBe(429)
      expect(response.json()).toEqual({ error: { code: 'RATE_LIMITED', message: '登录尝试过于频繁，请 15 分钟后再试' } })
      const retryAfter = Number(response.headers['retry-after'])
      expect(retryAfter).toBeGreaterThan(14 * 60)
      expect(retryAfter).toBeLessThanOrEqual(15 * 60)
    })

    it('should answer 429 after 20 failures from one IP across phones', async () => {
      const ip = '203.0.113.7'
      const fromIp = (p: string, password: string) => browser.request({ method: 'POST', url: '/api/account/login', payload: { phone: p, password }, remoteAddress: ip })
      for (let attempt = 0; attempt < 20; attempt++)
        expect((await fromIp(newPhone(), 'wrong-pass1')).statusCode).toBe(401)
      expect((await fromIp(phone, PASSWORD)).statusCode).toBe(429)
    })

    it('should answer 401 UNAUTHORIZED when there is no WeChat session', async () => {
      expect((await login(phone, PASSWORD, createBrowser(stack.app))).statusCode).toBe(401)
    })
  })

  describe('login limits under attack', () => {
    let phone: string
    beforeEach(async () => {
      phone = newPhone()
      const owner = (await wechatLogin(stack.app, stack.mock, { openid: newOpenid() })).browser
      await register(phone, PASSWORD, owner)
    })
    const loginFrom = (ip: string, password: string) =>
      browser.request({ method: 'POST', url: '/api/account/login', payload: { phone, password }, remoteAddress: ip })
    /** 59 wrong guesses and then the right password, all sent at once. */
    const guesses = (count: number) => Array.from({ length: count }, (_, index) => index === count - 1 ? PASSWORD : `wrong-pass${index}`)

    it('should verify at most 5 of 60 guesses sent at once from one address and refuse the right password after them', async () => {
      const verify = vi.spyOn(stack.app.passwordHasher, 'verify')
      const responses = await Promise.all(guesses(60).map(password => loginFrom('203.0.113.50', password)))
      const verified = verify.mock.calls.length
      verify.mockRestore()
      expect(verified).toBeLessThanOrEqual(5)
      expect(responses.filter(response => response.statusCode !== 429)).toHaveLength(5)
      expect(responses.at(-1)!.statusCode).toBe(429)
      expect(await identityAccount()).toBeNull()
    })

    it('should verify at most 50 of 60 guesses sent at once from 60 addresses and refuse the right password after them', async () => {
      const verify = vi.spyOn(stack.app.passwordHasher, 'verify')
      const responses = await Promise.all(guesses(60).map((password, index) => loginFrom(`203.0.114.${index + 1}`, password)))
      const verified = verify.mock.calls.length
      verify.mockRestore()
      expect(verified).toBeLessThanOrEqual(50)
      expect(responses.at(-1)!.statusCode).toBe(429)
      expect(await identityAccount()).toBeNull()
    })

    it('should still let the owner in from another address when someone failed 5 times for the phone', async () => {
      for (let attempt = 0; attempt < 5; attempt++)
        expect((await loginFrom('203.0.113.60', 'wrong-pass1')).statusCode).toBe(401)
      expect((await loginFrom('203.0.113.60', PASSWORD)).statusCode).toBe(429)
      const owner = await loginFrom('198.51.100.61', PASSWORD)
      expect(owner.statusCode).toBe(200)
      expect(await identityAccount()).toBe(owner.json().account.id)
    })

    it('should stop guessing spread over many addresses at 50 failures per phone per hour', async () => {
      for (let attempt = 0; attempt < 50; attempt++)
        expect((await loginFrom(`203.0.115.${attempt + 1}`, 'wrong-pass1')).statusCode).toBe(401)
      const response = await loginFrom('203.0.115.200', PASSWORD)
      expect(response.statusCode).toBe(429)
      expect(response.json().error.code).toBe('RATE_LIMITED')
      expect(Number(response.headers['retry-after'])).toBeGreaterThan(55 * 60)
    })
  })

  describe('a browser that logged in before', () => {
    let phone: string
    let owner: Browser
    beforeEach(async () => {
      phone = newPhone()
      owner = (await wechatLogin(stack.app, stack.mock, { openid: newOpenid() })).browser
      await register(phone, PASSWORD, owner)
    })
    /** 50 wrong guesses for the phone from 50 addresses, by a browser that never logged in. */
    const guessFromMany = async () => {
      const guesser = (await wechatLogin(stack.app, stack.mock, { openid: newOpenid() })).browser
      for (let attempt = 0; attempt < 50; attempt++)
        await guesser.request({ method: 'POST', url: '/api/account/login', payload: { phone, password: 'wrong-pass1' }, remoteAddress: `203.0.117.${attempt + 1}` })
      expect((await login(phone, PASSWORD, guesser)).statusCode).toBe(429)
    }

    it('should set a known-device cookie for the account on register and on login', async () => {
      expect(owner.cookies.get('wxshop_known')).toMatch(/^\d+\./)
      const response = await login(phone)
      expect(setCookieLines(response).find(line => line.startsWith('wxshop_known='))).toMatch(/; Max-Age=15552000; Path=\/api\/account\/login; HttpOnly; SameSite=Lax$/)
    })

    it('should still let the owner in from that browser when guessing from many addresses reached the phone\'s ceiling', async () => {
      await guessFromMany()
      // the owner logs out, then logs in again from the browser they registered with, on a new network
      await owner.post('/api/auth/logout')
      await wechatLogin(stack.app, stack.mock, { openid: newOpenid(), browser: owner })
      const response = await owner.request({ method: 'POST', url: '/api/account/login', payload: { phone, password: PASSWORD }, remoteAddress: '198.51.100.240' })
      expect(response.statusCode).toBe(200)
    })

    it('should not lift the ceiling with a known-device cookie won on another account', async () => {
      await register(newPhone())
      expect(browser.cookies.get('wxshop_known')).toBeDefined()
      await guessFromMany()
      expect((await login(phone, 'wrong-pass2')).statusCode).toBe(429)
    })

    it('should not lift the ceiling with a forged known-device cookie', async () => {
      const accountId = (await stack.app.accountRepository.findByPhone(phone))!.id
      browser.cookies.set('wxshop_known', `${accountId}.forged`)
      await guessFromMany()
      expect((await login(phone, 'wrong-pass2')).statusCode).toBe(429)
    })
  })

  describe('registration limits', () => {
    const registerFrom = (ip: string, phone: string) =>
      browser.request({ method: 'POST', url: '/api/account/register', payload: { phone, password: PASSWORD }, remoteAddress: ip })

    it('should answer 429 RATE_LIMITED with Retry-After after 10 registration attempts by one WeChat user', async () => {
      const taken = Array.from({ length: 10 }, newPhone)
      for (const phone of taken)
        await register(phone, PASSWORD, (await wechatLogin(stack.app, stack.mock, { openid: newOpenid() })).browser)
      // probing which phones are taken: each answer costs an attempt
      for (const phone of taken)
        expect((await registerFrom('203.0.113.70', phone)).statusCode).toBe(409)
      const response = await registerFrom('203.0.113.70', newPhone())
      expect(response.statusCode).toBe(429)
      expect(response.json()).toEqual({ error: { code: 'RATE_LIMITED', message: expect.stringMatching(/^注册尝试过于频繁，请 \d+ 分钟后再试$/) } })
      expect(Number(response.headers['retry-after'])).toBeGreaterThan(55 * 60)
    })

    it('should answer 429 after 5 registration attempts for one phone from any addresses', async () => {
      const taken = newPhone()
      await register(taken)
      for (let attempt = 0; attempt < 4; attempt++)
        expect((await registerFrom(`203.0.116.${attempt + 1}`, taken)).statusCode).toBe(409)
      expect((await registerFrom('203.0.116.100', taken)).statusCode).toBe(429)
    })

    it('should spend the same argon2 hashing on a taken phone as on a new account', async () => {
      const taken = newPhone()
      await register(taken)
      const hash = vi.spyOn(stack.app.passwordHasher, 'hash')
      expect((await registerFrom('203.0.113.80', taken)).statusCode).toBe(409)
      expect(hash).toHaveBeenCalledTimes(1)
      hash.mockRestore()
    })
  })

  describe('binding across logins', () => {
    it('should bind a returning WeChat user at once when their identity is bound', async () => {
      const phone = newPhone()
      await register(phone)
      const { response } = await wechatLogin(stack.app, stack.mock, { openid })
      expect(response.json()).toMatchObject({ openid, account: { phone: masked(phone) } })
    })

    it('should end the session, clear the cookie and unbind the identity when logging out', async () => {
      await register(newPhone())
      const response = await browser.post('/api/auth/logout')
      expect(response.statusCode).toBe(200)
      expect(response.json()).toEqual({ ok: true })
      expect(setCookieLines(response).find(line => line.startsWith('wxshop_sid='))).toMatch(/^wxshop_sid=; Max-Age=0; Path=\/; Expires=Thu, 01 Jan 1970 00:00:00 GMT; HttpOnly; SameSite=Lax$/)
      expect((await browser.get('/api/me')).statusCode).toBe(401)
      expect(await identityAccount()).toBeNull()

      // the next silent WeChat login is an unbound user
      const again = await wechatLogin(stack.app, stack.mock, { openid, browser })
      expect(again.response.json()).toMatchObject({ openid, account: null })
    })

    it('should end the user\'s sessions in other browsers too when logging out', async () => {
      await register(newPhone())
      // the same WeChat user on a second device, bound through the identity
      const other = (await wechatLogin(stack.app, stack.mock, { openid })).browser
      expect((await other.get('/api/me')).json()).toMatchObject({ account: { id: expect.any(Number) } })
      await browser.post('/api/auth/logout')
      expect((await other.get('/api/me')).statusCode).toBe(401)
    })

    it('should answer ok when logging out without a session', async () => {
      const response = await createBrowser(stack.app).post('/api/auth/logout')
      expect(response.statusCode).toBe(200)
      expect(response.json()).toEqual({ ok: true })
    })
  })
})

describe('login rate limit behind a reverse proxy (TRUST_PROXY=10.0.0.2)', () => {
  const stack = useAppWithMockWechat({ env: { TRUST_PROXY: '10.0.0.2' } })

  it('should count failures per shopper address from X-Forwarded-For when the proxy is trusted', async () => {
    const { browser } = await wechatLogin(stack.app, stack.mock, { openid: newOpenid() })
    // every request arrives from the proxy's address; only the forwarded one tells shoppers apart
    const viaProxy = (forwardedFor: string, phone: string) => browser.request({
      method: 'POST',
      url: '/api/account/login',
      payload: { phone, password: 'wrong-pass1' },
      remoteAddress: '10.0.0.2',
      headers: { 'x-forwarded-for': forwardedFor },
    })
    for (let attempt = 0; attempt < 20; attempt++)
      expect((await viaProxy('198.51.100.1', newPhone())).statusCode).toBe(401)
    expect((await viaProxy('198.51.100.1', newPhone())).statusCode).toBe(429)
    // another shopper behind the same proxy is not locked out
    expect((await viaProxy('198.51.100.2', newPhone())).statusCode).toBe(401)
  })
})
