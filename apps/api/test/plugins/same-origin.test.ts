import Fastify from 'fastify'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import errorHandler from '../../src/plugins/error-handler'
import sameOrigin from '../../src/plugins/same-origin'
import { createBrowser, newOpenid, wechatLogin, type Browser } from '../auth-flow'
import { useAppWithMockWechat } from '../helper'
import { TEST_PUBLIC_URL } from '../mock-wechat'

const FORBIDDEN = { error: { code: 'FORBIDDEN', message: '请求被拒绝：只接受本站页面发出的 JSON 请求' } }

describe('state-changing routes refuse what another site can send', () => {
  const stack = useAppWithMockWechat()
  let browser: Browser
  beforeEach(async () => {
    browser = (await wechatLogin(stack.app, stack.mock, { openid: newOpenid() })).browser
  })
  const stillLoggedIn = async () => (await browser.get('/api/me')).statusCode === 200
  const logout = (headers: Record<string, string>, payload?: string) =>
    browser.request({ method: 'POST', url: '/api/auth/logout', headers, ...(payload === undefined ? {} : { payload }) })

  it.each([
    ['text/plain', 'a'],
    ['text/plain;charset=UTF-8', '{}'],
    ['application/x-www-form-urlencoded', 'a=1'],
    ['multipart/form-data; boundary=x', '--x--'],
  ])('should answer 403 FORBIDDEN and keep the session when logout comes as %s', async (type, payload) => {
    const response = await logout({ 'content-type': type }, payload)
    expect(response.statusCode).toBe(403)
    expect(response.json()).toEqual(FORBIDDEN)
    expect(await stillLoggedIn()).toBe(true)
  })

  it('should answer 403 FORBIDDEN when logout has no body and no content type', async () => {
    const response = await logout({})
    expect(response.statusCode).toBe(403)
    expect(await stillLoggedIn()).toBe(true)
  })

  it('should log out when the SPA posts an empty JSON object from our own origin', async () => {
    const response = await logout({ 'content-type': 'application/json', 'origin': TEST_PUBLIC_URL, 'sec-fetch-site': 'same-origin' }, '{}')
    expect(response.statusCode).toBe(200)
    expect(await stillLoggedIn()).toBe(false)
  })

  it.each([
    ['another site\'s Origin', { origin: 'https://evil.example' }],
    ['an opaque Origin', { origin: 'null' }],
    ['our host on another port', { origin: 'http://localhost:3001' }],
    ['Sec-Fetch-Site: cross-site', { 'sec-fetch-site': 'cross-site' }],
    ['Sec-Fetch-Site: same-site', { 'sec-fetch-site': 'same-site' }],
  ])('should answer 403 FORBIDDEN to JSON with %s', async (_, headers) => {
    const response = await logout({ 'content-type': 'application/json', ...headers }, '{}')
    expect(response.statusCode).toBe(403)
    expect(response.json()).toEqual(FORBIDDEN)
    expect(await stillLoggedIn()).toBe(true)
  })

  it.each([
    '/api/account/login',
    '/api/account/register',
    '/api/auth/logout',
    '/api/auth/wechat/authorize',
    '/api/auth/wechat/code',
  ])('should answer 403 FORBIDDEN to a text/plain POST %s', async (url) => {
    const response = await createBrowser(stack.app).request({ method: 'POST', url, headers: { 'content-type': 'text/plain' }, payload: '{"scope":"snsapi_base","returnTo":"/"}' })
    expect(response.statusCode).toBe(403)
    expect(response.json()).toEqual(FORBIDDEN)
  })
})

describe('WeChat\'s server-to-server endpoints', () => {
  // The routes arrive with later issues: a bare app with the plugin and stand-in routes.
  const app = Fastify()
  beforeAll(async () => {
    app.decorate('config', { publicUrl: TEST_PUBLIC_URL } as never)
    await app.register(errorHandler)
    await app.register(sameOrigin)
    app.addContentTypeParser('text/xml', { parseAs: 'string' }, (_request, body, done) => done(null, body))
    for (const url of ['/api/pay/notify', '/api/pay/notify/v3', '/api/wechat/message', '/api/pay/other'])
      app.post(url, async () => ({ ok: true }))
    app.route({ method: ['GET', 'POST'], url: '/api/both', handler: async () => ({ ok: true }) })
    await app.ready()
  })
  afterAll(() => app.close())

  it.each(['/api/pay/notify', '/api/pay/notify/v3', '/api/wechat/message'])('should let WeChat post XML to %s', async (url) => {
    const response = await app.inject({ method: 'POST', url, headers: { 'content-type': 'text/xml' }, payload: '<xml></xml>' })
    expect(response.statusCode).toBe(200)
  })

  it('should refuse XML on a state-changing route outside the allow-list', async () => {
    const response = await app.inject({ method: 'POST', url: '/api/pay/other', headers: { 'content-type': 'text/xml' }, payload: '<xml></xml>' })
    expect(response.statusCode).toBe(403)
  })

  it('should refuse a text/plain POST but serve a plain GET on a route that answers both', async () => {
    const post = await app.inject({ method: 'POST', url: '/api/both', headers: { 'content-type': 'text/plain' }, payload: 'x' })
    expect(post.statusCode).toBe(403)
    const get = await app.inject({ method: 'GET', url: '/api/both', headers: { origin: 'https://evil.example' } })
    expect(get.statusCode).toBe(200)
  })
})
