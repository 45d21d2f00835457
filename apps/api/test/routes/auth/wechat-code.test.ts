import { createServer } from 'node:net'
import { beforeEach, describe, expect, it } from 'vitest'
import { countRows, createBrowser, newOpenid, setCookieLines, visitWechat, wechatLogin } from '../../auth-flow'
import { build, useAppWithMockWechat } from '../../helper'
import type { MockWechatServer } from '../../mock-wechat'

describe('POST /api/auth/wechat/code', () => {
  const stack = useAppWithMockWechat({ wechatTimeoutMs: 300 })
  beforeEach(async () => {
    await stack.mock.control('POST', '/reset')
  })

  async function exchangeCalls(): Promise<number> {
    return (await stack.mock.control<{ calls: unknown[] }>('GET', '/calls?path=/sns/oauth2/access_token')).calls.length
  }

  it('should start a session and answer /api/me when the silent snsapi_base flow completes', async () => {
    const openid = newOpenid()
    const { browser, callback, response } = await wechatLogin(stack.app, stack.mock, { openid, returnTo: '/product/3' })

    expect(callback.location.origin + callback.location.pathname).toBe('http://localhost:3000/product/3')
    expect(response.statusCode).toBe(200)
    const me = { openid, scope: 'snsapi_base', snapshot: false, profile: null, account: null, subscribed: null }
    expect(response.json()).toEqual(me)
    expect(browser.cookies.has('wxshop_sid')).toBe(true)

    const again = await browser.get('/api/me')
    expect(again.statusCode).toBe(200)
    // only /api/me asks WeChat whether the user follows (a new mock user does not)
    expect(again.json()).toEqual({ ...me, subscribed: false })
    expect(again.headers['cache-control']).toBe('no-store')
  })

  it('should store the profile when the user allows snsapi_userinfo', async () => {
    const openid = newOpenid()
    await stack.mock.control('PUT', `/users/${openid}`, { nickname: '小红', headimgurl: 'https://thirdwx.qlogo.cn/mmopen/abc/132', unionid: 'oUnionRed00000000000000001' })
    const { browser, response } = await wechatLogin(stack.app, stack.mock, { openid, scope: 'snsapi_userinfo' })

    expect(response.statusCode).toBe(200)
    // sex and region are withheld by WeChat since 2021-10-20, and so by the stack.mock
    const profile = { nickname: '小红', headimgurl: 'https://thirdwx.qlogo.cn/mmopen/abc/132', sex: 0, province: '', city: '', country: '' }
    expect(response.json()).toMatchObject({ openid, scope: 'snsapi_userinfo', profile })
    expect((await browser.get('/api/me')).json().profile).toEqual(profile)
    const row = await stack.app.db.selectFrom('wechat_identities').selectAll().where('openid', '=', openid).executeTakeFirstOrThrow()
    expect(row).toMatchObject({ scope: 'snsapi_userinfo', nickname: '小红', unionid: 'oUnionRed00000000000000001', account_id: null })
  })

  it('should keep the userinfo scope and profile when a later silent login happens', async () => {
    const openid = newOpenid()
    await stack.mock.control('PUT', `/users/${openid}`, { nickname: '阿明' })
    await wechatLogin(stack.app, stack.mock, { openid, scope: 'snsapi_userinfo' })
    const { response } = await wechatLogin(stack.app, stack.mock, { openid, scope: 'snsapi_base' })
    expect(response.json()).toMatchObject({ scope: 'snsapi_userinfo', profile: { nickname: '阿明' } })
  })

  it('should replace this browser\'s previous session when it logs in again', async () => {
    const first = await wechatLogin(stack.app, stack.mock, { openid: newOpenid() })
    const before = await countRows(stack.app, 'sessions')
    const oldCookie = first.browser.cookies.get('wxshop_sid')
    await wechatLogin(stack.app, stack.mock, { openid: newOpenid(), browser: first.browser })
    expect(await countRows(stack.app, 'sessions')).toBe(before)
    expect(first.browser.cookies.get('wxshop_sid')).not.toBe(oldCookie)
  })

  it('should come back with state only and be refused as invalid input when the user denies consent', async () => {
    const browser = createBrowser(stack.app)
    await stack.mock.control('POST', '/next-login', { consent: 'deny' })
    const { url } = (await browser.post('/api/auth/wechat/authorize', { scope: 'snsapi_userinfo', returnTo: '/profile' })).json()
    const callback = await visitWechat(url)
    expect(callback.code).toBeNull()
    expect(callback.state).not.toBeNull()

    const response = await browser.post('/api/auth/wechat/code', { state: callback.state })
    expect(response.statusCode).toBe(400)
    expect(response.json().error.code).toBe('VALIDATION')
    expect(await exchangeCalls()).toBe(0)
  })

  it('should answer a snapshot identity and store nothing when the user stays on the snapshot page', async () => {
    const counts = async () => Promise.all([countRows(stack.app, 'wechat_identities'), countRows(stack.app, 'sessions'), countRows(stack.app, 'accounts')])
    const before = await counts()
    const { browser, response } = await wechatLogin(stack.app, stack.mock, { scope: 'snsapi_userinfo', consent: 'snapshot' })

    expect(response.statusCode).toBe(200)
    expect(response.json()).toEqual({ openid: expect.any(String), scope: 'snsapi_base', snapshot: true, profile: null, account: null, subscribed: null })
    expect(await counts()).toEqual(before)
    expect(setCookieLines(response)).toEqual([])
    expect(browser.cookies.has('wxshop_sid')).toBe(false)
    expect((await browser.get('/api/me')).statusCode).toBe(401)
  })

  it('should answer 400 OAUTH_CODE_INVALID when a used code comes back with a fresh state', async () => {
    const { browser, callback } = await wechatLogin(stack.app, stack.mock, { openid: newOpenid() })
    const { url } = (await browser.post('/api/auth/wechat/authorize', { scope: 'snsapi_base', returnTo: '/' })).json()
    const freshState = new URL(url).searchParams.get('state')

    const response = await browser.post('/api/auth/wechat/code', { code: callback.code, state: freshState })
    expect(response.statusCode).toBe(400)
    expect(response.json()).toEqual({ error: { code: 'OAUTH_CODE_INVALID', message: '微信授权已失效，请重新进入' } })
  })

  it('should answer 400 OAUTH_CODE_INVALID when the code has expired', async () => {
    const browser = createBrowser(stack.app)
    const { url } = (await browser.post('/api/auth/wechat/authorize', { scope: 'snsapi_base', returnTo: '/' })).json()
    const callback = await visitWechat(url)
    await stack.mock.control('POST', '/expire', { what: 'codes' })

    const response = await browser.post('/api/auth/wechat/code', { code: callback.code, state: callback.state })
    expect(response.statusCode).toBe(400)
    expect(response.json().error.code).toBe('OAUTH_CODE_INVALID')
    expect(browser.cookies.has('wxshop_sid')).toBe(false)
  })

  it('should answer 400 OAUTH_STATE_INVALID without calling WeChat when the state was given to another browser', async () => {
    const victim = createBrowser(stack.app)
    const { url } = (await victim.post('/api/auth/wechat/authorize', { scope: 'snsapi_base', returnTo: '/' })).json()
    const callback = await visitWechat(url)

    const attacker = createBrowser(stack.app)
    await attacker.post('/api/auth/wechat/authorize', { scope: 'snsapi_base', returnTo: '/' })
    const response = await attacker.post('/api/auth/wechat/code', { code: callback.code, state: callback.state })
    expect(response.statusCode).toBe(400)
    expect(response.json()).toEqual({ error: { code: 'OAUTH_STATE_INVALID', message: '登录状态已失效，请重新进入' } })
    expect(await exchangeCalls()).toBe(0)

    // the victim's own exchange still works: a refused foreign attempt does not spend the state
    expect((await victim.post('/api/auth/wechat/code', { code: callback.code, state: callback.state })).statusCode).toBe(200)
  })

  it('should answer 400 OAUTH_STATE_INVALID when the browser has no binding cookie at all', async () => {
    const browser = createBrowser(stack.app)
    const { url } = (await browser.post('/api/auth/wechat/authorize', { scope: 'snsapi_base', returnTo: '/' })).json()
    const callback = await visitWechat(url)
    browser.cookies.delete('wxshop_bid')
    const response = await browser.post('/api/auth/wechat/code', { code: callback.code, state: callback.state })
    expect(response.json().error.code).toBe('OAUTH_STATE_INVALID')
  })

  it('should answer 400 OAUTH_STATE_INVALID when the same state is used twice', async () => {
    const { browser, callback, response } = await wechatLogin(stack.app, stack.mock, { openid: newOpenid() })
    expect(response.statusCode).toBe(200)
    const again = await browser.post('/api/auth/wechat/code', { code: callback.code, state: callback.state })
    expect(again.statusCode).toBe(400)
    expect(again.json().error.code).toBe('OAUTH_STATE_INVALID')
    expect(await exchangeCalls()).toBe(1)
  })

  it.each([
    ['missing', { code: 'some-code' }],
    ['empty', { code: 'some-code', state: '' }],
    ['unknown', { code: 'some-code', state: 'never-issued' }],
  ])('should answer 400 OAUTH_STATE_INVALID when the state is %s', async (_, body) => {
    const browser = createBrowser(stack.app)
    await browser.post('/api/auth/wechat/authorize', { scope: 'snsapi_base', returnTo: '/' })
    const response = await browser.post('/api/auth/wechat/code', body)
    expect(response.statusCode).toBe(400)
    expect(response.json().error.code).toBe('OAUTH_STATE_INVALID')
  })

  it('should answer 400 OAUTH_STATE_INVALID when the state is older than 10 minutes', async () => {
    const browser = createBrowser(stack.app)
    const { url } = (await browser.post('/api/auth/wechat/authorize', { scope: 'snsapi_base', returnTo: '/' })).json()
    const callback = await visitWechat(url)
    await stack.app.db.updateTable('oauth_states').set({ expires_at: new Date(Date.now() - 1000).toISOString() }).execute()
    const response = await browser.post('/api/auth/wechat/code', { code: callback.code, state: callback.state })
    expect(response.json().error.code).toBe('OAUTH_STATE_INVALID')
  })

  it.each([
    ['busy (-1)', { errcode: -1 }],
    ['too slow', { errcode: 'timeout', delayMs: 2000 }],
  ])('should answer 502 WECHAT_UNAVAILABLE when WeChat is %s', async (_, fault) => {
    await stack.mock.control('POST', '/fail', { path: '/sns/oauth2/access_token', ...fault })
    const { response, browser } = await wechatLogin(stack.app, stack.mock)
    expect(response.statusCode).toBe(502)
    expect(response.json()).toEqual({ error: { code: 'WECHAT_UNAVAILABLE', message: '微信服务繁忙，请稍后重试' } })
    expect(browser.cookies.has('wxshop_sid')).toBe(false)
  })

  it('should answer 502 WECHAT_UNAVAILABLE when WeChat cannot be reached at all', async () => {
    // a port that takes connections and drops them at once: no HTTP answer ever comes back
    const dropper = createServer(socket => socket.destroy())
    await new Promise<void>(resolve => dropper.listen(0, '127.0.0.1', resolve))
    const { port } = dropper.address() as { port: number }
    const offline = await build({ mock: { url: `http://127.0.0.1:${port}` } as MockWechatServer })
    try {
      const browser = createBrowser(offline)
      const { url } = (await browser.post('/api/auth/wechat/authorize', { scope: 'snsapi_base', returnTo: '/' })).json()
      // the code never came from WeChat; the state is real, so the call to WeChat is attempted and fails
      const state = new URL(url).searchParams.get('state')
      const response = await browser.post('/api/auth/wechat/code', { code: 'any-code', state })
      expect(response.statusCode).toBe(502)
      expect(response.json().error.code).toBe('WECHAT_UNAVAILABLE')
    } finally {
      await offline.close()
      dropper.close()
    }
  })

  it('should answer 502 WECHAT_ERROR and log the errcode when WeChat refuses for another reason', async () => {
    const lines: string[] = []
    const logged = await build({ mock: stack.mock, logger: { level: 'info', stream: { write: (line: string) => lines.push(line) } } })
    try {
      await stack.mock.control('POST', '/fail', { path: '/sns/oauth2/access_token', errcode: 40125 })
      const { response } = await wechatLogin(logged, stack.mock)
      expect(response.statusCode).toBe(502)
      expect(response.json()).toEqual({ error: { code: 'WECHAT_ERROR', message: '微信登录出错，请稍后重试' } })
      expect(lines.some(line => line.includes('"errcode":40125'))).toBe(true)
    } finally {
      await logged.close()
    }
  })

  it('should answer 502 WECHAT_UNAVAILABLE and start no session when sns/userinfo fails', async () => {
    await stack.mock.control('POST', '/fail', { path: '/sns/userinfo', errcode: -1 })
    const { response, browser } = await wechatLogin(stack.app, stack.mock, { openid: newOpenid(), scope: 'snsapi_userinfo' })
    expect(response.statusCode).toBe(502)
    expect(browser.cookies.has('wxshop_sid')).toBe(false)
  })

  it('should never put the user\'s OAuth tokens in a response when logging in', async () => {
    const openid = newOpenid()
    const bodies: string[] = []
    const { browser, authorize, response } = await wechatLogin(stack.app, stack.mock, { openid, scope: 'snsapi_userinfo' })
    bodies.push(authorize.body, response.body, ...setCookieLines(response))
    for (const url of ['/api/me', '/']) {
      const page = await browser.get(url)
      bodies.push(page.body, ...setCookieLines(page))
    }
    const row = await stack.app.db.selectFrom('wechat_identities').select(['oauth_access_token', 'oauth_refresh_token']).where('openid', '=', openid).executeTakeFirstOrThrow()
    expect(row.oauth_access_token).toBeTruthy()
    for (const body of bodies) {
      expect(body).not.toContain(row.oauth_access_token)
      expect(body).not.toContain(row.oauth_refresh_token)
    }
  })

  it('should store only hashes of the session token and the state when logging in', async () => {
    const { browser, callback } = await wechatLogin(stack.app, stack.mock, { openid: newOpenid() })
    const token = stack.app.unsignCookie(browser.cookies.get('wxshop_sid')!).value!
    const sessions = await stack.app.db.selectFrom('sessions').select('id_hash').execute()
    const states = await stack.app.db.selectFrom('oauth_states').select('state_hash').execute()
    expect(JSON.stringify(sessions)).not.toContain(token)
    expect(JSON.stringify(states)).not.toContain(callback.state)
    expect(sessions.every(row => /^[0-9a-f]{64}$/.test(row.id_hash))).toBe(true)
  })
})
