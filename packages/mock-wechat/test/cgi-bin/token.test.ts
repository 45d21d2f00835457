import { describe, expect, it } from 'vitest'
import { build, errmsgPattern, fetchToken, SECRET, sns } from '../helper'

const ticket = (app: Parameters<typeof sns>[0], access_token: string) => sns(app, '/cgi-bin/ticket/getticket', { access_token, type: 'jsapi' })

describe('GET /cgi-bin/token', () => {
  it('should answer a token valid 7200 s as cgi-bin JSON when the credentials are right', async () => {
    const { app } = build()
    const { response, body } = await fetchToken(app)
    expect(response.statusCode).toBe(200)
    expect(response.headers['content-type']).toBe('application/json; encoding=utf-8')
    expect(Object.keys(body)).toEqual(['access_token', 'expires_in'])
    expect(body.expires_in).toBe(7200)
    expect((await ticket(app, body.access_token as string)).body.errcode).toBe(0)
  })

  it('should answer 42001 when a token is used after its 7200 s', async () => {
    const { app, clock } = build()
    const token = (await fetchToken(app)).body.access_token as string
    clock.advance(7200 * 1000 - 1)
    expect((await ticket(app, token)).body.errcode).toBe(0)
    clock.advance(1)
    const { body } = await ticket(app, token)
    expect(body.errcode).toBe(42001)
    expect(body.errmsg).toMatch(errmsgPattern('access_token expired'))
  })

  it('should keep the replaced token valid 5 minutes and then answer 40001 "not latest" when a new one is fetched', async () => {
    const { app, clock } = build()
    const old = (await fetchToken(app)).body.access_token as string
    const fresh = (await fetchToken(app)).body.access_token as string
    expect(fresh).not.toBe(old)
    clock.advance(5 * 60 * 1000 - 1)
    expect((await ticket(app, old)).body.errcode).toBe(0)
    clock.advance(1)
    const { body } = await ticket(app, old)
    expect(body.errcode).toBe(40001)
    expect(body.errmsg).toMatch(errmsgPattern('invalid credential, access_token is invalid or not latest, could get access_token by getStableAccessToken, more details at https://mmbizurl.cn/s/JtxxFh33r'))
    expect((await ticket(app, fresh)).body.errcode).toBe(0)
  })

  it('should answer 40001 when the token was never issued', async () => {
    const { app } = build()
    expect((await ticket(app, 'not-a-token')).body.errcode).toBe(40001)
  })

  it('should answer 41001 when a token-taking call has no access_token', async () => {
    const { app } = build()
    expect((await sns(app, '/cgi-bin/ticket/getticket', { type: 'jsapi' })).body.errcode).toBe(41001)
  })

  it.each([
    ['grant_type is wrong', { grant_type: 'authorization_code' }, 40002, 'invalid grant_type'],
    ['grant_type is missing', { grant_type: undefined }, 40002, 'invalid grant_type'],
    ['appid is missing', { appid: undefined }, 41002, 'appid missing'],
    ['appid is wrong', { appid: 'wx0000000000000000' }, 40013, 'invalid appid'],
    ['secret is missing', { secret: undefined }, 41004, 'appsecret missing'],
    ['secret is wrong', { secret: '0'.repeat(32) }, 40125, 'invalid appsecret'],
  ])('should answer %s with WeChat\'s errcode and no token', async (_name, overrides, errcode, text) => {
    const { app } = build()
    const { response, body } = await fetchToken(app, overrides)
    expect(response.statusCode).toBe(200)
    expect(body).toEqual({ errcode, errmsg: expect.stringMatching(errmsgPattern(text)) })
    expect((await app.inject({ url: '/__control/tokens' })).json().accessToken).toBeNull()
  })

  it('should never echo the appsecret in an error', async () => {
    const { app } = build()
    const { response } = await fetchToken(app, { appid: 'wx0000000000000000' })
    expect(response.body).not.toContain(SECRET)
  })

  describe('with an IP whitelist', () => {
    const env = { MOCK_WECHAT_IP_WHITELIST: '10.1.2.3,::1' }

    it('should answer 40164 naming the address both ways when the caller is not listed', async () => {
      const { app } = build({ env })
      const { body } = await fetchToken(app, {}, '203.0.113.9')
      expect(body.errcode).toBe(40164)
      expect(body.errmsg).toMatch(errmsgPattern('invalid ip 203.0.113.9 ipv6 ::ffff:203.0.113.9, not in whitelist'))
    })

    it('should issue a token when the caller is listed, also as an IPv4-mapped address', async () => {
      const { app } = build({ env })
      expect((await fetchToken(app, {}, '10.1.2.3')).body.access_token).toBeDefined()
      expect((await fetchToken(app, {}, '::ffff:10.1.2.3')).body.access_token).toBeDefined()
      expect((await fetchToken(app, {}, '::1')).body.access_token).toBeDefined()
    })

    it('should still answer the appid error first when the appid is wrong', async () => {
      const { app } = build({ env })
      expect((await fetchToken(app, { appid: 'wx0000000000000000' }, '203.0.113.9')).body.errcode).toBe(40013)
    })
  })

  it('should allow every caller when no whitelist is configured', async () => {
    const { app } = build()
    expect((await fetchToken(app, {}, '203.0.113.9')).body.access_token).toBeDefined()
  })
})
