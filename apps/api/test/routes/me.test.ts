import { beforeEach, describe, expect, it } from 'vitest'
import { sha256Hex } from '../../src/lib/random-token'
import { createBrowser, newOpenid, setCookieLines, wechatLogin, type Browser } from '../auth-flow'
import { useAppWithMockWechat } from '../helper'

const HOUR = 3600 * 1000
const DAY = 24 * HOUR

describe('GET /api/me and the session cookie', () => {
  const stack = useAppWithMockWechat()

  let browser: Browser
  let idHash: string
  beforeEach(async () => {
    const login = await wechatLogin(stack.app, stack.mock, { openid: newOpenid() })
    browser = login.browser
    idHash = sha256Hex(stack.app.unsignCookie(browser.cookies.get('wxshop_sid')!).value!)
  })

  const setSession = (values: { expires_at?: string, last_seen_at?: string }) =>
    stack.app.db.updateTable('sessions').set(values).where('id_hash', '=', idHash).execute()
  const sessionRow = () => stack.app.db.selectFrom('sessions').selectAll().where('id_hash', '=', idHash).executeTakeFirst()

  it('should answer 401 UNAUTHORIZED with a message when there is no session', async () => {
    const response = await createBrowser(stack.app).get('/api/me')
    expect(response.statusCode).toBe(401)
    expect(response.json()).toEqual({ error: { code: 'UNAUTHORIZED', message: '未登录或登录已过期，请重新进入' } })
  })

  it('should set the session cookie signed, HttpOnly, SameSite=Lax, for 30 days, without Secure when PUBLIC_URL is http', async () => {
    const { response } = await wechatLogin(stack.app, stack.mock, { openid: newOpenid() })
    const line = setCookieLines(response).find(cookie => cookie.startsWith('wxshop_sid='))
    expect(line).toMatch(/^wxshop_sid=[\w-]{43}\.[\w+/-]+; Max-Age=2592000; Path=\/; HttpOnly; SameSite=Lax$/)
  })

  it('should treat the session as absent and delete it when it has expired', async () => {
    await setSession({ expires_at: new Date(Date.now() - 1000).toISOString() })
    const response = await browser.get('/api/me')
    expect(response.statusCode).toBe(401)
    expect(await sessionRow()).toBeUndefined()
  })

  it('should answer 401 when the cookie is not signed with our secret', async () => {
    const token = stack.app.unsignCookie(browser.cookies.get('wxshop_sid')!).value!
    browser.cookies.set('wxshop_sid', token)
    expect((await browser.get('/api/me')).statusCode).toBe(401)
    browser.cookies.set('wxshop_sid', `${token}.forged`)
    expect((await browser.get('/api/me')).statusCode).toBe(401)
  })

  it('should not touch the session or set the cookie again when it was seen within the hour', async () => {
    const before = await sessionRow()
    const response = await browser.get('/api/me')
    expect(response.statusCode).toBe(200)
    expect(setCookieLines(response)).toEqual([])
    expect(await sessionRow()).toEqual(before)
  })

  it('should slide the expiry 30 days forward and renew the cookie when last seen over an hour ago', async () => {
    const twoHoursAgo = new Date(Date.now() - 2 * HOUR).toISOString()
    await setSession({ last_seen_at: twoHoursAgo, expires_at: new Date(Date.now() + 5 * DAY).toISOString() })
    const response = await browser.get('/api/me')
    expect(response.statusCode).toBe(200)
    expect(setCookieLines(response).some(line => line.startsWith('wxshop_sid=') && line.includes('Max-Age=2592000'))).toBe(true)
    const row = (await sessionRow())!
    expect(Date.parse(row.last_seen_at)).toBeGreaterThan(Date.parse(twoHoursAgo))
    expect(Date.parse(row.expires_at) - Date.now()).toBeGreaterThan(29 * DAY)
  })
})
