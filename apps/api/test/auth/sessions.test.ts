import { sql } from 'kysely'
import { describe, expect, it } from 'vitest'
import { sha256Hex } from '../../src/lib/random-token'
import { createBrowser, newOpenid, setCookieLines, wechatLogin, type Browser } from '../auth-flow'
import { useAppWithMockWechat } from '../helper'

const DAY = 24 * 3600 * 1000
const PASSWORD = 'secret123'
let phones = 0
function newPhone(): string {
  phones += 1
  return `137${String(Date.now() % 1e4).padStart(4, '0')}${String(phones).padStart(4, '0')}`
}

describe('sessions: rotation, absolute lifetime, guards, one transaction', () => {
  const stack = useAppWithMockWechat({
    setup: (app) => {
      // a route that needs a bound account, as orders and checkout will
      app.register(async (routes) => {
        routes.get('/api/test/account-only', { preHandler: routes.requireAccount }, async request => ({ accountId: request.accountId, openid: request.session.openid }))
      })
    },
  })

  const sid = (browser: Browser) => browser.cookies.get('wxshop_sid')!
  const idHashOf = (cookie: string) => sha256Hex(stack.app.unsignCookie(cookie).value!)
  const sessionRow = (cookie: string) => stack.app.db.selectFrom('sessions').selectAll().where('id_hash', '=', idHashOf(cookie)).executeTakeFirst()
  const identityAccount = async (openid: string) =>
    (await stack.app.db.selectFrom('wechat_identities').select('account_id').where('openid', '=', openid).executeTakeFirstOrThrow()).account_id
  /** A second browser holding only this cookie: what an attacker who saw the old token would send. */
  const withCookie = (cookie: string) => {
    const browser = createBrowser(stack.app)
    browser.cookies.set('wxshop_sid', cookie)
    return browser
  }

  async function signedIn() {
    const openid = newOpenid()
    const { browser } = await wechatLogin(stack.app, stack.mock, { openid })
    return { openid, browser, before: sid(browser) }
  }

  it.each([
    ['registering', async (browser: Browser) => browser.post('/api/account/register', { phone: newPhone(), password: PASSWORD })],
    ['logging in', async (browser: Browser) => {
      const phone = newPhone()
      const other = (await wechatLogin(stack.app, stack.mock, { openid: newOpenid() })).browser
      await other.post('/api/account/register', { phone, password: PASSWORD })
      return browser.post('/api/account/login', { phone, password: PASSWORD })
    }],
  ])('should replace the session cookie and refuse the old one when %s binds an account', async (_, bind) => {
    const { browser, before } = await signedIn()
    const createdAt = (await sessionRow(before))!.created_at
    const response = await bind(browser)
    expect(response.statusCode).toBe(200)
    const line = setCookieLines(response).find(cookie => cookie.startsWith('wxshop_sid='))
    expect(line).toMatch(/^wxshop_sid=[\w-]{43}\./)
    expect(sid(browser)).not.toBe(before)

    expect((await browser.get('/api/me')).json()).toMatchObject({ account: { id: expect.any(Number) } })
    expect((await withCookie(before).get('/api/me')).statusCode).toBe(401)
    expect(await sessionRow(before)).toBeUndefined()
    // a rotation is not a new login: the absolute lifetime still counts from the first one
    expect((await sessionRow(sid(browser)))!.created_at).toBe(createdAt)
  })

  it('should replace the session cookie and refuse the old one when the scope goes up to snsapi_userinfo', async () => {
    const { openid, browser, before } = await signedIn()
    const upgraded = await wechatLogin(stack.app, stack.mock, { openid, browser, scope: 'snsapi_userinfo' })
    expect(upgraded.response.json()).toMatchObject({ scope: 'snsapi_userinfo' })
    expect(sid(browser)).not.toBe(before)
    expect((await withCookie(before).get('/api/me')).statusCode).toBe(401)
    expect((await browser.get('/api/me')).json()).toMatchObject({ scope: 'snsapi_userinfo' })
  })

  it('should refuse a session past its absolute lifetime even when it was used a minute ago', async () => {
    const { browser, before } = await signedIn()
    const now = Date.now()
    await stack.app.db.updateTable('sessions').set({
      created_at: new Date(now - 91 * DAY).toISOString(),
      last_seen_at: new Date(now - 60_000).toISOString(),
      expires_at: new Date(now + 29 * DAY).toISOString(),
    }).where('id_hash', '=', idHashOf(before)).execute()
    expect((await browser.get('/api/me')).statusCode).toBe(401)
    expect(await sessionRow(before)).toBeUndefined()
  })

  it('should never slide the expiry past 90 days from the login', async () => {
    const { browser, before } = await signedIn()
    const now = Date.now()
    const createdAt = now - 80 * DAY
    await stack.app.db.updateTable('sessions').set({
      created_at: new Date(createdAt).toISOString(),
      last_seen_at: new Date(now - 2 * 3600 * 1000).toISOString(),
    }).where('id_hash', '=', idHashOf(before)).execute()
    const response = await browser.get('/api/me')
    expect(response.statusCode).toBe(200)
    const row = (await sessionRow(before))!
    expect(Date.parse(row.expires_at)).toBeLessThanOrEqual(createdAt + 90 * DAY)
    const maxAge = Number(/Max-Age=(\d+)/.exec(setCookieLines(response).find(line => line.startsWith('wxshop_sid='))!)![1])
    expect(maxAge).toBeLessThanOrEqual(10 * 24 * 3600)
    expect(maxAge).toBeGreaterThan(9 * 24 * 3600)
  })

  describe('requireSession / requireAccount', () => {
    it('should answer 401 UNAUTHORIZED when a route needs an account and there is no session', async () => {
      const response = await createBrowser(stack.app).get('/api/test/account-only')
      expect(response.statusCode).toBe(401)
      expect(response.json().error.code).toBe('UNAUTHORIZED')
    })

    it('should answer 403 ACCOUNT_REQUIRED when a route needs an account and the session is unbound', async () => {
      const { browser } = await signedIn()
      const response = await browser.get('/api/test/account-only')
      expect(response.statusCode).toBe(403)
      expect(response.json()).toEqual({ error: { code: 'ACCOUNT_REQUIRED', message: '请先登录或注册商城账号' } })
    })

    it('should hand the handler the session and the account id when the session is bound', async () => {
      const { openid, browser } = await signedIn()
      const me = (await browser.post('/api/account/register', { phone: newPhone(), password: PASSWORD })).json()
      const response = await browser.get('/api/test/account-only')
      expect(response.statusCode).toBe(200)
      expect(response.json()).toEqual({ accountId: me.account.id, openid })
    })
  })

  describe('one transaction', () => {
    /** Makes every write of `action` on sessions fail, like a database error half-way. */
    async function breakSessions(action: 'insert' | 'delete', run: () => Promise<void>): Promise<void> {
      await sql.raw(`create trigger fail_sessions_${action} before ${action} on sessions begin select raise(abort, 'disk I/O error'); end`).execute(stack.app.db)
      try {
        await run()
      } finally {
        await sql.raw(`drop trigger fail_sessions_${action}`).execute(stack.app.db)
      }
    }

    it('should leave the identity bound and the session alive when logout fails half-way', async () => {
      const { openid, browser, before } = await signedIn()
      const me = (await browser.post('/api/account/register', { phone: newPhone(), password: PASSWORD })).json()
      const bound = sid(browser)
      await breakSessions('delete', async () => {
        expect((await browser.post('/api/auth/logout')).statusCode).toBe(500)
      })
      expect(await identityAccount(openid)).toBe(me.account.id)
      expect(sid(browser)).toBe(bound)
      expect((await browser.get('/api/me')).json()).toMatchObject({ account: { id: expect.any(Number) } })
      expect(before).not.toBe(bound)
    })

    it('should leave the identity unbound and the old session working when binding fails half-way', async () => {
      const { openid, browser, before } = await signedIn()
      await breakSessions('insert', async () => {
        expect((await browser.post('/api/account/register', { phone: newPhone(), password: PASSWORD })).statusCode).toBe(500)
      })
      expect(await identityAccount(openid)).toBeNull()
      expect(sid(browser)).toBe(before)
      expect((await browser.get('/api/me')).json()).toMatchObject({ account: null })
    })
  })
})
