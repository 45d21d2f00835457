import { describe, expect, it } from 'vitest'
import { build, createClock, errmsgPattern, fetchStable, fetchToken, sns } from '../helper'

const ticket = (app: Parameters<typeof sns>[0], access_token: unknown) => sns(app, '/cgi-bin/ticket/getticket', { access_token: access_token as string, type: 'jsapi' })
const MINUTE = 60 * 1000

describe('POST /cgi-bin/stable_token', () => {
  it('should answer the same token with the seconds it has left when called again in normal mode', async () => {
    const { app, clock } = build()
    const first = (await fetchStable(app)).body
    expect(first).toEqual({ access_token: expect.any(String), expires_in: 7200 })
    clock.advance(10 * MINUTE + 500)
    expect((await fetchStable(app, { force_refresh: false })).body).toEqual({ access_token: first.access_token, expires_in: 7200 - 600 - 1 })
  })

  it('should issue a new token in normal mode when the current one has 5 minutes or less left', async () => {
    const { app, clock } = build()
    const first = (await fetchStable(app)).body.access_token
    clock.advance(115 * MINUTE - 1)
    expect((await fetchStable(app)).body.access_token).toBe(first)
    clock.advance(1)
    const second = (await fetchStable(app)).body
    expect(second).toEqual({ access_token: expect.any(String), expires_in: 7200 })
    expect(second.access_token).not.toBe(first)
    // the old one is not cut short: it still works for its last minutes
    expect((await ticket(app, first)).body.errcode).toBe(0)
  })

  it('should issue a new token in normal mode when the current one was expired', async () => {
    const { app } = build()
    const first = (await fetchStable(app)).body.access_token
    await app.inject({ method: 'POST', url: '/__control/expire', payload: { what: 'access_token' } })
    expect((await ticket(app, first)).body.errcode).toBe(42001)
    expect((await fetchStable(app)).body.access_token).not.toBe(first)
  })

  it('should keep its token apart from cgi-bin/token\'s, so a cgi-bin/token fetch does not replace it', async () => {
    const { app, clock } = build()
    const stable = (await fetchStable(app)).body.access_token
    const plain = (await fetchToken(app)).body.access_token
    await fetchToken(app)
    expect(plain).not.toBe(stable)
    clock.advance(10 * MINUTE)
    expect((await ticket(app, stable)).body.errcode).toBe(0)
    expect((await ticket(app, plain)).body.errcode).toBe(40001)
    expect((await fetchStable(app)).body.access_token).toBe(stable)
  })

  it('should issue a new token on force_refresh and keep the old one valid 5 minutes', async () => {
    const { app, clock } = build()
    const old = (await fetchStable(app)).body.access_token
    const fresh = (await fetchStable(app, { force_refresh: true })).body
    expect(fresh).toEqual({ access_token: expect.any(String), expires_in: 7200 })
    expect(fresh.access_token).not.toBe(old)
    expect((await fetchStable(app)).body.access_token).toBe(fresh.access_token)
    clock.advance(5 * MINUTE - 1)
    expect((await ticket(app, old)).body.errcode).toBe(0)
    clock.advance(1)
    expect((await ticket(app, old)).body.errcode).toBe(40001)
  })

  it('should answer 45011 when force_refresh comes within 30 s of the last one', async () => {
    const { app, clock } = build()
    await fetchStable(app, { force_refresh: true })
    clock.advance(30 * 1000 - 1)
    const { body } = await fetchStable(app, { force_refresh: true })
    expect(body.errcode).toBe(45011)
    expect(body.errmsg).toMatch(errmsgPattern('api minute-quota reach limit must slower retry next minute'))
    clock.advance(1)
    expect((await fetchStable(app, { force_refresh: true })).body.access_token).toBeDefined()
  })

  it('should forget the force_refresh history when the mock is reset', async () => {
    const { app } = build()
    await fetchStable(app, { force_refresh: true })
    await app.inject({ method: 'POST', url: '/__control/reset', payload: {} })
    expect((await fetchStable(app, { force_refresh: true })).body.access_token).toBeDefined()
  })

  it('should answer 45009 on the 21st force_refresh of a China day and allow it again the next day', async () => {
    // 2025-01-01 00:00 in China (UTC+8)
    const clock = createClock(Date.UTC(2024, 11, 31, 16))
    const { app } = build({ clock })
    for (let i = 0; i < 20; i++) {
      expect((await fetchStable(app, { force_refresh: true })).body.access_token).toBeDefined()
      clock.advance(31 * 1000)
    }
    const { body } = await fetchStable(app, { force_refresh: true })
    expect(body.errcode).toBe(45009)
    expect(body.errmsg).toMatch(errmsgPattern('reach max api daily quota limit'))
    // normal mode is not limited by it
    expect((await fetchStable(app)).body.access_token).toBeDefined()
    // a new UTC day is still the same day in China
    clock.advance(Date.UTC(2025, 0, 1, 7) - clock.now())
    expect((await fetchStable(app, { force_refresh: true })).body.errcode).toBe(45009)
    clock.advance(Date.UTC(2025, 0, 1, 16) - clock.now())
    expect((await fetchStable(app, { force_refresh: true })).body.access_token).toBeDefined()
  })

  it.each([
    ['grant_type is wrong', { grant_type: 'client_credentials' }, 40002],
    ['appid is missing', { appid: undefined }, 41002],
    ['appid is wrong', { appid: 'wx0000000000000000' }, 40013],
    ['secret is missing', { secret: undefined }, 41004],
    ['secret is wrong', { secret: '0'.repeat(32) }, 40125],
    ['force_refresh is not a boolean', { force_refresh: 'true' }, 47001],
    ['appid is not a string', { appid: 123 }, 47001],
  ])('should answer %s with WeChat\'s errcode', async (_name, fields, errcode) => {
    const { app } = build()
    const { response, body } = await fetchStable(app, fields)
    expect(response.statusCode).toBe(200)
    expect(response.headers['content-type']).toBe('application/json; encoding=utf-8')
    expect(body.errcode).toBe(errcode)
  })

  it.each([
    ['the body is empty', '', 44002],
    ['the body is not JSON', '{"grant_type":', 47001],
    ['the body is a JSON array', '[]', 47001],
  ])('should answer HTTP 200 with WeChat\'s errcode when %s', async (_name, payload, errcode) => {
    const { app } = build()
    const { response, body } = await fetchStable(app, payload)
    expect(response.statusCode).toBe(200)
    expect(body.errcode).toBe(errcode)
  })

  it('should refuse a form body, which is not JSON', async () => {
    const { app } = build()
    const { body } = await fetchStable(app, 'grant_type=client_credential', { contentType: 'application/x-www-form-urlencoded' })
    expect(body.errcode).toBe(47001)
  })

  it('should answer 43002 when called with GET', async () => {
    const { app } = build()
    const { body } = await sns(app, '/cgi-bin/stable_token', { grant_type: 'client_credential' })
    expect(body.errcode).toBe(43002)
    expect(body.errmsg).toMatch(errmsgPattern('require POST method'))
  })

  it('should answer 40164 when the caller is not in the IP whitelist', async () => {
    const { app } = build({ env: { MOCK_WECHAT_IP_WHITELIST: '10.1.2.3' } })
    const { body } = await fetchStable(app, {}, { remoteAddress: '198.51.100.7' })
    expect(body.errcode).toBe(40164)
    expect(body.errmsg).toMatch(errmsgPattern('invalid ip 198.51.100.7 ipv6 ::ffff:198.51.100.7, not in whitelist'))
    expect((await fetchStable(app, {}, { remoteAddress: '10.1.2.3' })).body.access_token).toBeDefined()
  })
})
