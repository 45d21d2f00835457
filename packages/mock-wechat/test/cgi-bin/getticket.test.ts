import { describe, expect, it } from 'vitest'
import { baseCode, build, errmsgPattern, exchange, fetchToken, serverToken, sns } from '../helper'

const getticket = (app: Parameters<typeof sns>[0], access_token: string | undefined, type: string | undefined = 'jsapi') =>
  sns(app, '/cgi-bin/ticket/getticket', { access_token, type })

describe('GET /cgi-bin/ticket/getticket', () => {
  it('should answer errcode 0, ok, a ticket and 7200 s when the token is live', async () => {
    const { app } = build()
    const access_token = await serverToken(app)
    const { response, body } = await getticket(app, access_token)
    expect(response.headers['content-type']).toBe('application/json; encoding=utf-8')
    expect(Object.keys(body)).toEqual(['errcode', 'errmsg', 'ticket', 'expires_in'])
    expect(body).toMatchObject({ errcode: 0, errmsg: 'ok', expires_in: 7200 })
    expect(body.ticket).toMatch(/^[\w-]{86}$/)
    expect(app.store.jsapiTickets.get(body.ticket as string)?.value.accessToken).toBe(access_token)
  })

  it('should answer the same ticket with expires_in 7200 but keep its first expiry when fetched again', async () => {
    const { app, clock } = build()
    const first = (await getticket(app, await serverToken(app))).body.ticket
    clock.advance(3600 * 1000)
    const again = (await getticket(app, await serverToken(app))).body
    expect(again).toMatchObject({ ticket: first, expires_in: 7200 })
    clock.advance(3600 * 1000)
    expect((await app.inject({ url: '/__control/tokens' })).json().jsapiTicket).toBeNull()
    const next = (await getticket(app, await serverToken(app))).body.ticket
    expect(next).not.toBe(first)
    expect((await app.inject({ url: '/__control/tokens' })).json().jsapiTicket).toBe(next)
  })

  it('should answer a wx_card ticket apart from the jsapi one', async () => {
    const { app } = build()
    const access_token = await serverToken(app)
    const jsapi = (await getticket(app, access_token)).body.ticket
    const card = (await getticket(app, access_token, 'wx_card')).body
    expect(card).toMatchObject({ errcode: 0, errmsg: 'ok', expires_in: 7200 })
    expect(card.ticket).not.toBe(jsapi)
  })

  it.each([['missing', undefined], ['unknown', 'jsapi_ticket']])('should answer 40097 when type is %s', async (_name, type) => {
    const { app } = build()
    const { body } = await sns(app, '/cgi-bin/ticket/getticket', { access_token: await serverToken(app), type })
    expect(body.errcode).toBe(40097)
    expect(body.errmsg).toMatch(errmsgPattern('invalid args'))
  })

  it('should answer 42001 and no ticket when the token expired', async () => {
    const { app, clock } = build()
    const access_token = (await fetchToken(app)).body.access_token as string
    clock.advance(7200 * 1000)
    expect((await getticket(app, access_token)).body).toEqual({ errcode: 42001, errmsg: expect.stringMatching(errmsgPattern('access_token expired')) })
  })

  it('should refuse a users\' OAuth token with 40001, as the two kinds are not interchangeable', async () => {
    const { app } = build()
    const oauthToken = (await exchange(app, await baseCode(app))).body.access_token as string
    expect((await getticket(app, oauthToken)).body.errcode).toBe(40001)
  })
})
