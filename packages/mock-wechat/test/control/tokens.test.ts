import { describe, expect, it } from 'vitest'
import type { MockWechat } from '../../src/app'
import { build, errmsgPattern, fetchStable, fetchToken, SECRET, serverToken, sns } from '../helper'

const tokens = async (app: MockWechat) => (await app.inject({ url: '/__control/tokens' })).json()

describe('GET /__control/tokens', () => {
  it('should answer nulls before anything was fetched', async () => {
    const { app } = build()
    expect(await tokens(app)).toEqual({ accessToken: null, jsapiTicket: null, stableAccessToken: null, tokenAccessToken: null })
  })

  it('should answer the current access_token and jsapi_ticket when they were fetched', async () => {
    const { app } = build()
    await serverToken(app)
    const access_token = await serverToken(app)
    const { ticket } = (await sns(app, '/cgi-bin/ticket/getticket', { access_token, type: 'jsapi' })).body
    expect(await tokens(app)).toEqual({ accessToken: access_token, jsapiTicket: ticket, stableAccessToken: null, tokenAccessToken: access_token })
  })

  it('should name the token fetched last as accessToken when both interfaces were used', async () => {
    const { app, clock } = build()
    const plain = await serverToken(app)
    clock.advance(1000)
    const stable = (await fetchStable(app)).body.access_token
    expect(await tokens(app)).toMatchObject({ accessToken: stable, stableAccessToken: stable, tokenAccessToken: plain })
    clock.advance(1000)
    const newer = await serverToken(app)
    expect(await tokens(app)).toMatchObject({ accessToken: newer, stableAccessToken: stable, tokenAccessToken: newer })
  })
})

describe('the control API on the cgi-bin routes', () => {
  it('should play a queued failure on cgi-bin/token, then answer normally', async () => {
    const { app } = build()
    await app.inject({ method: 'POST', url: '/__control/fail', payload: { path: '/cgi-bin/token', errcode: -1 } })
    const { response, body } = await fetchToken(app)
    expect(response.headers['content-type']).toBe('application/json; encoding=utf-8')
    expect(body).toEqual({ errcode: -1, errmsg: expect.stringMatching(errmsgPattern('system error')) })
    expect((await fetchToken(app)).body.access_token).toBeDefined()
  })

  it.each(['/cgi-bin/stable_token', '/cgi-bin/ticket/getticket', '/cgi-bin/user/info'])('should play a queued 40001 on %s', async (path) => {
    const { app } = build()
    const access_token = await serverToken(app)
    await app.inject({ method: 'POST', url: '/__control/fail', payload: { path, errcode: 40001 } })
    const { body } = path === '/cgi-bin/stable_token' ? await fetchStable(app) : await sns(app, path, { access_token, type: 'jsapi', openid: 'oX' })
    expect(body.errcode).toBe(40001)
    expect(body.errmsg).toMatch(/^invalid credential, access_token is invalid or not latest, could get access_token by getStableAccessToken/)
  })

  it('should count every credential call in calls, without the stable_token body', async () => {
    const { app } = build()
    await Promise.all(Array.from({ length: 3 }, () => fetchToken(app)))
    await fetchStable(app)
    const access_token = await serverToken(app)
    await sns(app, '/cgi-bin/ticket/getticket', { access_token, type: 'jsapi' })
    const count = async (path: string) => (await app.inject({ url: `/__control/calls?path=${path}` })).json().count
    expect(await count('/cgi-bin/token')).toBe(4)
    expect(await count('/cgi-bin/stable_token')).toBe(1)
    expect(await count('/cgi-bin/ticket/getticket')).toBe(1)
    const stableCall = (await app.inject({ url: '/__control/calls?path=/cgi-bin/stable_token' })).json().calls[0]
    expect(JSON.stringify(stableCall)).not.toContain(SECRET)
  })
})
