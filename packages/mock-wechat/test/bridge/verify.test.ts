import { describe, expect, it } from 'vitest'
import type { MockWechat } from '../../src/app'
import { jsapiSignature } from '../../src/jssdk/verify-config'
import { APPID, build, serverToken, sns } from '../helper'

const SHOP = 'http://localhost:3000'
const PAGE = `${SHOP}/product/7?code=abc&state=xyz`
const NONCE = 'Wm3WZYTPz0wzccnW'
const TIMESTAMP = '1735689600'

/** A live jsapi_ticket, fetched the way the API fetches one. */
async function jsapiTicket(app: MockWechat): Promise<string> {
  return (await sns(app, '/cgi-bin/ticket/getticket', { access_token: await serverToken(app), type: 'jsapi' })).body.ticket as string
}

function verify(app: MockWechat, body: Record<string, unknown>, origin: string | undefined = SHOP) {
  return app.inject({ method: 'POST', url: '/__bridge/verify', headers: origin === undefined ? {} : { origin }, payload: body })
}

/** The body the in-page client sends for a wx.config signed with `ticket` over `signedUrl`, checked against `url`. */
function configBody(ticket: string, url = PAGE, overrides: Record<string, unknown> = {}, signedUrl = url) {
  return { appId: APPID, timestamp: TIMESTAMP, nonceStr: NONCE, signature: jsapiSignature(ticket, NONCE, TIMESTAMP, signedUrl), jsApiList: ['scanQRCode'], url, ...overrides }
}

async function errMsgOf(app: MockWechat, body: Record<string, unknown>, origin?: string) {
  const response = await verify(app, body, origin)
  expect(response.statusCode).toBe(200)
  return response.json().errMsg as string
}

describe('the JS-SDK signature', () => {
  it('should match the example in WeChat\'s JS-SDK guide (appendix 1)', () => {
    const ticket = 'sM4AOVdWfPE4DxkXGEs8VMCPGGVi4C3VM0P37wVUCFvkVAy_90u5h9nbSlYy3-Sl-HhTdfl2fzFy1AOcHKP7qg'
    expect(jsapiSignature(ticket, 'Wm3WZYTPz0wzccnW', '1414587457', 'http://mp.weixin.qq.com?params=value')).toBe('0f9de62fce790f9a083d5c99e95740ceb90c27ed')
  })
})

describe('POST /__bridge/verify (wx.config)', () => {
  it('should answer config:ok for a signature over a live ticket and the checked URL, query included', async () => {
    const { app } = build()
    expect(await errMsgOf(app, configBody(await jsapiTicket(app)))).toBe('config:ok')
  })

  it('should answer config:invalid signature when the page signed another URL', async () => {
    const { app } = build()
    const ticket = await jsapiTicket(app)
    // the iOS pitfall: the SPA signs its current URL, the client checks the landing URL
    expect(await errMsgOf(app, configBody(ticket, PAGE, {}, `${SHOP}/product/7`))).toBe('config:invalid signature')
  })

  it('should answer config:invalid signature for a ticket the mock never issued', async () => {
    const { app } = build()
    await jsapiTicket(app)
    expect(await errMsgOf(app, configBody('a-ticket-of-our-own-making'))).toBe('config:invalid signature')
  })

  it('should answer config:invalid signature once the ticket has expired', async () => {
    const { app, clock } = build()
    const body = configBody(await jsapiTicket(app))
    clock.advance(7200 * 1000)
    expect(await errMsgOf(app, body)).toBe('config:invalid signature')
  })

  it('should refuse the old ticket and accept the new one after `expire jsapi_ticket`', async () => {
    const { app } = build()
    const old = await jsapiTicket(app)
    await app.inject({ method: 'POST', url: '/__control/expire', payload: { what: 'jsapi_ticket' } })
    const body = configBody(old)
    expect(await errMsgOf(app, body)).toBe('config:invalid signature')
    const fresh = await jsapiTicket(app)
    expect(fresh).not.toBe(old)
    expect(await errMsgOf(app, configBody(fresh))).toBe('config:ok')
  })

  it('should answer config:invalid signature for a wx_card ticket, which is not a jsapi ticket', async () => {
    const { app } = build()
    const card = (await sns(app, '/cgi-bin/ticket/getticket', { access_token: await serverToken(app), type: 'wx_card' })).body.ticket as string
    expect(await errMsgOf(app, configBody(card))).toBe('config:invalid signature')
  })

  it.each([
    ['in milliseconds', '1735689600000'],
    ['with a fraction', '1735689600.5'],
    ['missing (the JS-SDK sends "undefined")', 'undefined'],
  ])('should answer config:invalid signature for a timestamp %s, even signed consistently', async (_name, timestamp) => {
    const { app } = build()
    const ticket = await jsapiTicket(app)
    const signature = jsapiSignature(ticket, NONCE, timestamp, PAGE)
    expect(await errMsgOf(app, configBody(ticket, PAGE, { timestamp, signature }))).toBe('config:invalid signature')
  })

  it('should answer config:invalid signature for an upper-case signature', async () => {
    const { app } = build()
    const body = configBody(await jsapiTicket(app))
    expect(await errMsgOf(app, { ...body, signature: body.signature.toUpperCase() })).toBe('config:invalid signature')
  })

  it('should answer config:invalid url domain for a page on another host, before looking at the signature', async () => {
    const { app } = build()
    const ticket = await jsapiTicket(app)
    for (const url of ['http://127.0.0.1:3000/', 'http://shop.localhost:3000/', 'http://evil.example/'])
      expect(await errMsgOf(app, configBody(ticket, url), new URL(url).origin)).toBe('config:invalid url domain')
  })

  it('should accept the safe domain on another port, as a port is not part of a domain', async () => {
    const { app } = build()
    const url = 'http://localhost:3301/?x=1'
    expect(await errMsgOf(app, configBody(await jsapiTicket(app), url), 'http://localhost:3301')).toBe('config:ok')
  })

  it('should answer config:invalid appid for another appId, before checking the domain', async () => {
    const { app } = build()
    const body = configBody(await jsapiTicket(app), 'http://evil.example/', { appId: 'wx0000000000000000' })
    expect(await errMsgOf(app, body, 'http://evil.example')).toBe('config:invalid appid')
  })

  it('should refuse a page that asks about a URL of another origin than its own', async () => {
    const { app } = build()
    const response = await verify(app, configBody(await jsapiTicket(app)), 'http://evil.example')
    expect(response.statusCode).toBe(403)
    expect(response.headers['access-control-allow-origin']).toBe('http://evil.example')
    expect(response.json().error.code).toBe('FORBIDDEN')
  })

  it('should answer any page\'s preflight, as WeChat checks every page it opens, but not an opaque origin', async () => {
    const { app } = build()
    const preflight = (origin: string) => app.inject({ method: 'OPTIONS', url: '/__bridge/verify', headers: { origin, 'access-control-request-method': 'POST' } })
    const foreign = await preflight('http://evil.example')
    expect(foreign.statusCode).toBe(204)
    expect(foreign.headers['access-control-allow-origin']).toBe('http://evil.example')
    expect(foreign.headers['access-control-allow-credentials']).toBeUndefined()
    expect((await preflight('null')).statusCode).toBe(403)
  })

  it('should answer 400 in the control error shape for a body without the checked URL', async () => {
    const { app } = build()
    const { url: _url, ...body } = configBody('t')
    const response = await verify(app, body)
    expect(response.statusCode).toBe(400)
    expect(response.json().error).toMatchObject({ code: 'VALIDATION', message: 'body must have required property \'url\'' })
  })

  it('should not count as a call to WeChat', async () => {
    const { app } = build()
    await verify(app, configBody('t'))
    expect((await app.inject({ url: '/__control/calls?path=/__bridge/verify' })).json().count).toBe(0)
  })
})
