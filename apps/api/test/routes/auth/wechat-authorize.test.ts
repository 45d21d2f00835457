import { describe, expect, it } from 'vitest'
import { countRows, createBrowser, setCookieLines } from '../../auth-flow'
import { useAppWithMockWechat } from '../../helper'

describe('POST /api/auth/wechat/authorize', () => {
  const stack = useAppWithMockWechat()

  it('should answer WeChat\'s authorize URL with the parameters in WeChat\'s order when asked', async () => {
    const response = await createBrowser(stack.app).post('/api/auth/wechat/authorize', { scope: 'snsapi_userinfo', returnTo: '/profile' })
    expect(response.statusCode).toBe(200)
    const { url } = response.json()
    const state = new URL(url).searchParams.get('state')!
    expect(state).toMatch(/^[\w-]{43}$/)
    expect(url).toBe(`${stack.mock.url}/connect/oauth2/authorize?appid=wxa1b2c3d4e5f60718&redirect_uri=${encodeURIComponent('http://localhost:3000/profile')}`
      + `&response_type=code&scope=snsapi_userinfo&state=${state}&connect_redirect=1#wechat_redirect`)
  })

  it('should drop code and state but keep other parameters and the hash route when returnTo carries them', async () => {
    const { url } = (await createBrowser(stack.app).post('/api/auth/wechat/authorize', { scope: 'snsapi_base', returnTo: '/?from=share&code=old&state=old#/product/3' })).json()
    expect(new URL(url).searchParams.get('redirect_uri')).toBe('http://localhost:3000/?from=share#/product/3')
  })

  it('should give a fresh state each time and keep one browser cookie when asked twice', async () => {
    const browser = createBrowser(stack.app)
    const first = (await browser.post('/api/auth/wechat/authorize', { scope: 'snsapi_base', returnTo: '/' })).json().url
    const bid = browser.cookies.get('wxshop_bid')
    const second = (await browser.post('/api/auth/wechat/authorize', { scope: 'snsapi_base', returnTo: '/' })).json().url
    expect(new URL(first).searchParams.get('state')).not.toBe(new URL(second).searchParams.get('state'))
    expect(browser.cookies.get('wxshop_bid')).toBe(bid)
  })

  it('should store the state hashed with a 10-minute expiry when asked', async () => {
    const before = await countRows(stack.app, 'oauth_states')
    await createBrowser(stack.app).post('/api/auth/wechat/authorize', { scope: 'snsapi_base', returnTo: '/cart' })
    expect(await countRows(stack.app, 'oauth_states')).toBe(before + 1)
    const row = await stack.app.db.selectFrom('oauth_states').selectAll().where('return_to', '=', '/cart').executeTakeFirstOrThrow()
    const ttl = Date.parse(row.expires_at) - Date.parse(row.created_at)
    expect(ttl).toBe(10 * 60 * 1000)
    expect(row).toMatchObject({ scope: 'snsapi_base', used_at: null })
  })

  it.each([
    ['an absolute URL', { scope: 'snsapi_base', returnTo: 'https://evil.example/' }],
    ['a protocol-relative URL', { scope: 'snsapi_base', returnTo: '//evil.example/' }],
    ['a dot segment that resolves to //host', { scope: 'snsapi_base', returnTo: '/..//evil.example' }],
    ['an encoded backslash', { scope: 'snsapi_base', returnTo: '/%5Cevil.example' }],
    ['a tab that browsers strip', { scope: 'snsapi_base', returnTo: '/\t/evil.example' }],
    ['an unknown scope', { scope: 'snsapi_login', returnTo: '/' }],
  ])('should answer 400 VALIDATION when given %s', async (_, body) => {
    const response = await createBrowser(stack.app).post('/api/auth/wechat/authorize', body)
    expect(response.statusCode).toBe(400)
    expect(response.json().error.code).toBe('VALIDATION')
  })

  it('should set the browser cookie signed, HttpOnly and SameSite=Lax without Secure when PUBLIC_URL is http', async () => {
    const response = await createBrowser(stack.app).post('/api/auth/wechat/authorize', { scope: 'snsapi_base', returnTo: '/' })
    const [line] = setCookieLines(response)
    expect(line).toMatch(/^wxshop_bid=[\w-]{43}\.[\w+/-]+; Max-Age=86400; Path=\/; HttpOnly; SameSite=Lax$/)
  })
})

describe('cookies when PUBLIC_URL is https', () => {
  const stack = useAppWithMockWechat({ env: { PUBLIC_URL: 'https://localhost:3000' } })

  it('should mark every cookie Secure when users reach the shop over https', async () => {
    const browser = createBrowser(stack.app)
    const page = await browser.get('/')
    expect(page.statusCode).toBe(302)
    const lines = setCookieLines(page)
    expect(lines.map(line => line.split('=', 1)[0])).toEqual(['wxshop_bid', 'wxshop_auth_try'])

    const callback = await fetch(page.headers.location as string, { redirect: 'manual' })
    const back = new URL(callback.headers.get('location')!)
    expect(back.origin).toBe('https://localhost:3000')
    const code = await browser.post('/api/auth/wechat/code', { code: back.searchParams.get('code')!, state: back.searchParams.get('state')! })
    expect(code.statusCode).toBe(200)
    lines.push(...setCookieLines(code))

    expect(lines.map(line => line.split('=', 1)[0])).toEqual(['wxshop_bid', 'wxshop_auth_try', 'wxshop_sid', 'wxshop_auth_try'])
    for (const line of lines) {
      expect(line).toContain('; Secure')
      expect(line).toContain('; HttpOnly')
      expect(line).toContain('; SameSite=Lax')
    }
  })
})
