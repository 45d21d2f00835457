import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { useAppWithMockWechat } from '../helper'
import type { MockWechatServer } from '../mock-wechat'

// TEST_PUBLIC_URL (helper's mock setup) is the shop's origin
const PAGE = 'http://localhost:3000/product/3?from=share'
const config = (url: string) => `/api/jssdk/config?url=${encodeURIComponent(url)}`
const fetches = async (mock: MockWechatServer, path: string) => (await mock.control<{ count: number }>('GET', `/calls?path=${path}`)).count
const liveTicket = async (mock: MockWechatServer) => (await mock.control<{ jsapiTicket: string }>('GET', '/tokens')).jsapiTicket

/** The signature as WeChat's client checks it, computed here apart from the API's module. */
function expectedSignature(ticket: string, body: { nonceStr: string, timestamp: number }, url: string): string {
  return createHash('sha1').update(`jsapi_ticket=${ticket}&noncestr=${body.nonceStr}&timestamp=${body.timestamp}&url=${url}`).digest('hex')
}

describe('GET /api/jssdk/config on a cold start', () => {
  const stack = useAppWithMockWechat()

  it('should fetch one token and one ticket when 200 pages ask at once, and sign each with the live ticket', async () => {
    const responses = await Promise.all(Array.from({ length: 200 }, () => stack.app.inject({ url: config(PAGE) })))
    const ticket = await liveTicket(stack.mock)
    for (const response of responses) {
      expect(response.statusCode).toBe(200)
      const body = response.json()
      expect(body).toEqual({
        appId: 'wxa1b2c3d4e5f60718',
        timestamp: expect.any(Number),
        nonceStr: expect.stringMatching(/^[A-Za-z0-9]{16}$/),
        signature: expectedSignature(ticket, body, PAGE),
        jsApiList: ['checkJsApi', 'updateAppMessageShareData', 'updateTimelineShareData', 'scanQRCode', 'openAddress', 'chooseWXPay'],
      })
    }
    expect(await fetches(stack.mock, '/cgi-bin/stable_token')).toBe(1)
    expect(await fetches(stack.mock, '/cgi-bin/ticket/getticket')).toBe(1)
  })
})

describe('GET /api/jssdk/config when WeChat is unreachable', () => {
  const stack = useAppWithMockWechat()

  it('should answer 502 WECHAT_UNAVAILABLE with a message when WeChat stays busy', async () => {
    await stack.mock.control('POST', '/fail', { path: '/cgi-bin/stable_token', errcode: -1, times: 10 })
    const response = await stack.app.inject({ url: config(PAGE) })
    expect(response.statusCode).toBe(502)
    expect(response.json()).toEqual({ error: { code: 'WECHAT_UNAVAILABLE', message: '微信服务暂时无法连接，分享和扫一扫稍后可用' } })
  })
})

describe('GET /api/jssdk/config: which URLs', () => {
  const stack = useAppWithMockWechat()

  it('should sign the URL without its fragment', async () => {
    const response = await stack.app.inject({ url: config(`${PAGE}#/cart?x=1`) })
    expect(response.statusCode).toBe(200)
    expect(response.json().signature).toBe(expectedSignature(await liveTicket(stack.mock), response.json(), PAGE))
  })

  it.each([
    ['another site', 'http://evil.example/product/3'],
    ['another scheme', 'https://localhost:3000/product/3'],
    ['another port', 'http://localhost:3001/product/3'],
    ['a user-info trick', 'http://localhost:3000@evil.example/'],
    ['a relative path', '/product/3'],
  ])('should answer 400 with a message when the URL is on %s', async (_what, url) => {
    const response = await stack.app.inject({ url: config(url) })
    expect(response.statusCode).toBe(400)
    expect(response.json().error.code).toBe('VALIDATION')
    expect(response.json().error.message).toMatch(/^url /)
  })

  it('should answer 400 when url is missing', async () => {
    const response = await stack.app.inject({ url: '/api/jssdk/config' })
    expect(response.statusCode).toBe(400)
    expect(response.json().error).toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('url') })
  })

  it('should answer 400 when the URL is over 2 KB, and sign one of exactly 2 KB', async () => {
    const base = 'http://localhost:3000/search?q='
    const longest = base + 'a'.repeat(2048 - base.length)
    expect((await stack.app.inject({ url: config(longest) })).statusCode).toBe(200)
    const response = await stack.app.inject({ url: config(`${longest}a`) })
    expect(response.statusCode).toBe(400)
    expect(response.json().error.code).toBe('VALIDATION')
  })

  it('should not answer a POST', async () => {
    const response = await stack.app.inject({ method: 'POST', url: config(PAGE), payload: {} })
    expect(response.statusCode).toBe(404)
  })
})
