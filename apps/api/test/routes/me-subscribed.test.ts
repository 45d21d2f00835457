import { describe, expect, it } from 'vitest'
import { newOpenid, wechatLogin } from '../auth-flow'
import { useAppWithMockWechat } from '../helper'

describe('GET /api/me: does the user follow the Official Account', () => {
  const stack = useAppWithMockWechat()

  async function loggedIn(subscribe: 0 | 1) {
    const openid = newOpenid()
    await stack.mock.control('PUT', `/users/${openid}`, { subscribe })
    const { browser } = await wechatLogin(stack.app, stack.mock, { openid })
    return { openid, browser }
  }
  const userInfoCalls = async () => (await stack.mock.control<{ count: number }>('GET', '/calls?path=/cgi-bin/user/info')).count

  it('should say subscribed: true for a follower', async () => {
    const { browser } = await loggedIn(1)
    const response = await browser.get('/api/me')
    expect(response.statusCode).toBe(200)
    expect(response.json().subscribed).toBe(true)
  })

  it('should say subscribed: false for a user who does not follow', async () => {
    const { browser } = await loggedIn(0)
    expect((await browser.get('/api/me')).json().subscribed).toBe(false)
  })

  it('should answer from its cache for a few minutes instead of asking WeChat on every request', async () => {
    const { openid, browser } = await loggedIn(0)
    expect((await browser.get('/api/me')).json().subscribed).toBe(false)
    // (the first lookup may take two calls: the mock's reset forgot the app's token, which is refetched)
    const calls = await userInfoCalls()
    await stack.mock.control('PUT', `/users/${openid}`, { subscribe: 1 })
    expect((await browser.get('/api/me')).json().subscribed).toBe(false)
    expect(await userInfoCalls()).toBe(calls)
  })

  it('should say subscribed: null and still answer when WeChat fails', async () => {
    const { browser } = await loggedIn(1)
    await stack.mock.control('POST', '/fail', { path: '/cgi-bin/user/info', errcode: 45009, times: 10 })
    const response = await browser.get('/api/me')
    expect(response.statusCode).toBe(200)
    expect(response.json()).toMatchObject({ subscribed: null, snapshot: false })
  })

  it('should say subscribed: null rather than wait when WeChat is slow', async () => {
    const { browser } = await loggedIn(1)
    // far longer than /api/me waits (1 s), shorter than the transport's 5 s timeout
    await stack.mock.control('POST', '/fail', { path: '/cgi-bin/user/info', delayMs: 4000 })
    const response = await browser.get('/api/me')
    expect(response.statusCode).toBe(200)
    expect(response.json().subscribed).toBeNull()
  })
})
