import { describe, expect, it } from 'vitest'
import type { MockWechat } from '../../src/app'
import { APPID, authorize, baseCode, build, exchange, SECRET, serverToken, sns } from '../helper'

describe('POST /__control/expire', () => {
  const expire = (app: MockWechat, what: string) => app.inject({ method: 'POST', url: '/__control/expire', payload: { what } })

  it('should leave the users\' OAuth tokens alone when the global access_token is expired', async () => {
    const { app } = build()
    const { access_token, openid } = (await exchange(app, await baseCode(app))).body as Record<string, string>
    expect((await expire(app, 'access_token')).json()).toEqual({ what: 'access_token', expired: 0 })
    expect((await sns(app, '/sns/auth', { access_token, openid })).body.errcode).toBe(0)
  })

  it('should make the current access_token answer 42001 and leave the ticket alone when access_token is named', async () => {
    const { app } = build()
    const access_token = await serverToken(app)
    const { ticket } = (await sns(app, '/cgi-bin/ticket/getticket', { access_token, type: 'jsapi' })).body
    expect((await expire(app, 'access_token')).json()).toEqual({ what: 'access_token', expired: 1 })
    expect((await sns(app, '/cgi-bin/ticket/getticket', { access_token, type: 'jsapi' })).body.errcode).toBe(42001)
    expect((await app.inject({ url: '/__control/tokens' })).json()).toMatchObject({ accessToken: null, jsapiTicket: ticket })
  })

  it('should make the next getticket issue a new ticket when jsapi_ticket is named', async () => {
    const { app } = build()
    const access_token = await serverToken(app)
    const first = (await sns(app, '/cgi-bin/ticket/getticket', { access_token, type: 'jsapi' })).body.ticket
    expect((await expire(app, 'jsapi_ticket')).json()).toEqual({ what: 'jsapi_ticket', expired: 1 })
    expect((await app.inject({ url: '/__control/tokens' })).json()).toMatchObject({ accessToken: access_token, jsapiTicket: null })
    const second = (await sns(app, '/cgi-bin/ticket/getticket', { access_token, type: 'jsapi' })).body.ticket
    expect(second).toEqual(expect.any(String))
    expect(second).not.toBe(first)
  })

  it('should answer 400 listing the known kinds when what is unknown', async () => {
    const { app } = build()
    const response = await expire(app, 'refresh_token')
    expect(response.statusCode).toBe(400)
    expect(response.json().error.message).toBe('body/what must be one of codes, oauth_access_token, oauth_refresh_token, access_token, jsapi_ticket, prepay_id')
  })
})

describe('POST /__control/reset', () => {
  it('should forget users, codes, server tokens, next-login and calls when asked', async () => {
    const { app } = build()
    const code = await baseCode(app)
    const serverAccessToken = await serverToken(app)
    await app.inject({ method: 'POST', url: '/__control/next-login', payload: { consent: 'deny' } })
    expect((await app.inject({ method: 'POST', url: '/__control/reset', payload: {} })).json()).toEqual({ ok: true })
    expect((await exchange(app, code)).body.errcode).toBe(40029)
    expect(app.store.accessTokens.get(serverAccessToken)).toBeUndefined()
    expect((await app.inject({ url: '/__control/tokens' })).json().accessToken).toBeNull()
    expect((await app.inject({ url: '/__control/users' })).json().users).toHaveLength(0)
    expect((await app.inject({ url: '/__control/calls' })).json().count).toBe(1)
    // next-login was forgotten: the userinfo page shows instead of an automatic 拒绝.
    expect((await authorize(app, { scope: 'snsapi_userinfo' })).statusCode).toBe(200)
  })

  it('should keep the issued access_token and jsapi_ticket, and forget the rest, when asked to keep server credentials', async () => {
    const { app } = build()
    const access_token = await serverToken(app)
    const { ticket } = (await sns(app, '/cgi-bin/ticket/getticket', { access_token, type: 'jsapi' })).body
    const code = await baseCode(app)
    const response = await app.inject({ method: 'POST', url: '/__control/reset', payload: { keep: ['server_credentials'] } })
    expect(response.json()).toEqual({ ok: true })
    // the shop's stored token and ticket still work, as real WeChat never forgets them
    expect((await sns(app, '/cgi-bin/ticket/getticket', { access_token, type: 'jsapi' })).body).toMatchObject({ errcode: 0, ticket })
    expect((await app.inject({ url: '/__control/tokens' })).json()).toMatchObject({ jsapiTicket: ticket })
    expect((await exchange(app, code)).body.errcode).toBe(40029)
  })

  it('should refuse to keep anything it does not know', async () => {
    const { app } = build()
    const response = await app.inject({ method: 'POST', url: '/__control/reset', payload: { keep: ['users'] } })
    expect(response.statusCode).toBe(400)
  })
})

describe('GET /__control/calls', () => {
  it('should list WeChat calls with their full query, secrets included, filtered by path', async () => {
    const { app, clock } = build()
    await exchange(app, await baseCode(app))
    const { count, calls } = (await app.inject({ url: '/__control/calls?path=/sns/oauth2/access_token' })).json()
    expect(count).toBe(1)
    expect(calls[0]).toMatchObject({
      time: new Date(clock.now()).toISOString(),
      method: 'GET',
      path: '/sns/oauth2/access_token',
      query: { appid: APPID, secret: SECRET, grant_type: 'authorization_code' },
      profile: 'not-wechat',
      statusCode: 200,
    })
  })

  it('should not log the control API or the avatars', async () => {
    const { app } = build()
    await app.inject({ url: '/__control/users' })
    await app.inject({ url: '/avatars/abc.svg' })
    expect((await app.inject({ url: '/__control/calls' })).json().count).toBe(0)
  })

  it('should keep the first value when a parameter is repeated', async () => {
    const { app } = build()
    await app.inject({ url: '/sns/auth?access_token=a&access_token=b&openid=o' })
    expect((await app.inject({ url: '/__control/calls' })).json().calls[0].query).toEqual({ access_token: 'a', openid: 'o' })
  })
})
