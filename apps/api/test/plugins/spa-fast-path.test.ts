import type { App } from '../../src/app'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createBrowser, DESKTOP_UA, newOpenid, setCookieLines, visitWechat, WECHAT_UA, wechatLogin } from '../auth-flow'
import { build, LIVE_ENV, servedIndexHtml, useAppWithMockWechat } from '../helper'

describe('page fast path (stack.mock mode)', () => {
  const stack = useAppWithMockWechat()
  beforeEach(async () => {
    await stack.mock.control('POST', '/reset')
  })

  it('should redirect a page request without a session straight to WeChat, with the state and try cookies', async () => {
    const response = await createBrowser(stack.app).get('/product/3?from=share')
    expect(response.statusCode).toBe(302)
    expect(response.headers['cache-control']).toBe('no-store')
    const target = new URL(response.headers.location as string)
    expect(target.origin + target.pathname).toBe(`${stack.mock.url}/connect/oauth2/authorize`)
    expect(target.searchParams.get('scope')).toBe('snsapi_base')
    expect(target.searchParams.get('redirect_uri')).toBe('http://localhost:3000/product/3?from=share')
    expect(target.hash).toBe('#wechat_redirect')
    const cookies = setCookieLines(response)
    expect(cookies[0]).toMatch(/^wxshop_bid=.+; Max-Age=86400; Path=\/; HttpOnly; SameSite=Lax$/)
    expect(cookies[1]).toBe('wxshop_auth_try=1; Max-Age=120; Path=/; HttpOnly; SameSite=Lax')
  })

  it('should cost a new user one document load when the SPA completes the callback', async () => {
    const browser = createBrowser(stack.app)
    const first = await browser.get('/cart')
    const callback = await visitWechat(first.headers.location as string)
    expect(callback.location.pathname).toBe('/cart')

    // the one document load: WeChat's callback URL gets index.html, not another redirect
    const page = await browser.get(callback.location.pathname + callback.location.search)
    expect(page.statusCode).toBe(200)
    expect(page.body).toBe(servedIndexHtml(stack.app))

    const code = await browser.post('/api/auth/wechat/code', { code: callback.code, state: callback.state })
    expect(code.statusCode).toBe(200)
    expect(code.json()).toMatchObject({ scope: 'snsapi_base', snapshot: false })
    // the try cookie is cleared once a session exists
    expect(setCookieLines(code).find(line => line.startsWith('wxshop_auth_try='))).toContain('Max-Age=0')
    expect(browser.cookies.has('wxshop_auth_try')).toBe(false)
    expect((await browser.get('/orders')).body).toBe(servedIndexHtml(stack.app))
  })

  it('should ask for snsapi_userinfo when the page is /profile', async () => {
    const response = await createBrowser(stack.app).get('/profile')
    expect(response.statusCode).toBe(302)
    expect(new URL(response.headers.location as string).searchParams.get('scope')).toBe('snsapi_userinfo')
  })

  it('should serve index.html when the request has a valid session', async () => {
    const { browser } = await wechatLogin(stack.app, stack.mock, { openid: newOpenid() })
    const response = await browser.get('/')
    expect(response.statusCode).toBe(200)
    expect(response.body).toBe(servedIndexHtml(stack.app))
  })

  it.each([
    ['a code in the query', '/?code=abc&state=xyz'],
    ['only a state (consent refused)', '/product/3?state=xyz'],
    ['an authorisation page', '/auth/callback'],
    ['the open-in-WeChat page', '/open-in-wechat'],
  ])('should serve index.html when the page has %s', async (_, url) => {
    const response = await createBrowser(stack.app).get(url)
    expect(response.statusCode).toBe(200)
    expect(response.body).toBe(servedIndexHtml(stack.app))
  })

  it('should not redirect twice when the try cookie is still there', async () => {
    const browser = createBrowser(stack.app)
    expect((await browser.get('/')).statusCode).toBe(302)
    const again = await browser.get('/')
    expect(again.statusCode).toBe(200)
    expect(again.body).toBe(servedIndexHtml(stack.app))
  })

  it('should not loop when WeChat answers with a snapshot identity', async () => {
    const browser = createBrowser(stack.app)
    await stack.mock.control('POST', '/next-login', { consent: 'snapshot' })
    const first = await browser.get('/profile')
    const callback = await visitWechat(first.headers.location as string)
    const me = await browser.post('/api/auth/wechat/code', { code: callback.code, state: callback.state })
    expect(me.json().snapshot).toBe(true)
    // no session was made; the try cookie (kept, not cleared) stops a second server redirect
    expect(browser.cookies.has('wxshop_auth_try')).toBe(true)
    expect((await browser.get('/profile')).statusCode).toBe(200)
  })

  it.each([
    ['HEAD', '/'],
    ['GET', '/assets/nope.js'],
    ['GET', '/api/nope'],
  ])('should not redirect %s %s', async (method, url) => {
    const response = await createBrowser(stack.app).request({ method: method as 'GET' | 'HEAD', url })
    expect(response.statusCode).not.toBe(302)
  })

  it('should not send to WeChat a URL the returnTo rule would refuse (too long, an encoded slash, a backslash)', async () => {
    for (const url of [`/product/${'1'.repeat(1100)}`, '/cart/%2f%2fevil.example', '/cart?from=a\\b']) {
      const response = await createBrowser(stack.app).get(url)
      expect(response.statusCode, url).not.toBe(302)
    }
  })
})

describe('page fast path (live mode)', () => {
  let app: App
  beforeAll(async () => {
    // live mode with the mock's address never called: only the redirect URL is built
    app = await build({ env: { ...LIVE_ENV, WECHAT_OPEN_BASE: 'http://127.0.0.1:9' } })
  })
  afterAll(() => app.close())

  it('should serve index.html when the browser is not WeChat\'s', async () => {
    const response = await createBrowser(app).get('/', { 'user-agent': DESKTOP_UA })
    expect(response.statusCode).toBe(200)
    expect(response.body).toBe(servedIndexHtml(app))
  })

  it('should redirect to WeChat when the browser is WeChat\'s', async () => {
    const response = await createBrowser(app).get('/', { 'user-agent': WECHAT_UA })
    expect(response.statusCode).toBe(302)
    expect(response.headers.location).toMatch(/^http:\/\/127\.0\.0\.1:9\/connect\/oauth2\/authorize\?appid=wx0123456789abcdef&/)
  })

  // The shared wechatClientOf rule: the SPA and the mock read user agents the same way.
  it.each([
    ['redirect', 'a WeChat user agent in lower case', WECHAT_UA.replace('MicroMessenger', 'micromessenger'), 302],
    ['serve index.html to', 'WeChat for Windows, which cannot finish web authorisation', 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/81.0 MicroMessenger/7.0.20.1781(0x6700143B) WindowsWechat', 200],
  ])('should %s %s', async (_what, _name, userAgent, status) => {
    const response = await createBrowser(app).get('/', { 'user-agent': userAgent })
    expect(response.statusCode).toBe(status)
  })
})

describe('page fast path (hash-routed build)', () => {
  const HASH_INDEX_HTML = '<!doctype html><html><head><meta name="wxshop-router" content="hash"><title>wxshop</title></head><body></body></html>'
  const stack = useAppWithMockWechat({ indexHtml: HASH_INDEX_HTML })

  it('should serve index.html without a session when the build routes by hash, because the route never reaches the server', async () => {
    const response = await createBrowser(stack.app).get('/')
    expect(response.statusCode).toBe(200)
    expect(response.body).toBe(servedIndexHtml(stack.app, HASH_INDEX_HTML))
  })
})
