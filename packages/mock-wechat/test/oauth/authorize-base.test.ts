import { describe, expect, it } from 'vitest'
import { ANDROID_UA, authorize, build, exchange, location, personaCookieOf } from '../helper'

describe('GET /connect/oauth2/authorize — snsapi_base', () => {
  it('should redirect straight back with code and state when the scope is snsapi_base', async () => {
    const { app } = build()
    const response = await authorize(app, { state: 'abc123' })
    expect(response.statusCode).toBe(302)
    const back = location(response)
    expect(`${back.origin}${back.pathname}`).toBe('http://localhost:3000/auth/callback')
    expect(back.searchParams.get('code')).toMatch(/^[A-Za-z0-9]{32}$/)
    expect(back.searchParams.get('state')).toBe('abc123')
  })

  it('should keep the redirect_uri\'s own query when it appends code and state', async () => {
    const { app } = build()
    const response = await authorize(app, { redirect_uri: 'http://localhost:3000/cb?from=menu&x=a%20b' })
    expect(response.headers.location).toMatch(/^http:\/\/localhost:3000\/cb\?from=menu&x=a%20b&code=[A-Za-z0-9]{32}&state=xyz$/)
  })

  it('should put the query before the #fragment when the app uses hash routing', async () => {
    const { app } = build()
    const response = await authorize(app, { redirect_uri: 'http://localhost:3000/#/orders?tab=1' })
    expect(response.headers.location).toMatch(/^http:\/\/localhost:3000\/\?code=[A-Za-z0-9]{32}&state=xyz#\/orders\?tab=1$/)
  })

  it('should still append an empty state when the request has none', async () => {
    const { app } = build()
    const response = await authorize(app, { state: undefined })
    expect(response.headers.location).toMatch(/&state=$/)
  })

  it('should create a persona and set the mock cookie when the browser has none', async () => {
    const { app } = build()
    const response = await authorize(app)
    const cookie = personaCookieOf(response)
    expect(cookie).toMatch(/^mockwx_user=o[A-Za-z0-9_-]{27}$/)
    const { body } = await exchange(app, location(response).searchParams.get('code')!)
    expect(`mockwx_user=${body.openid}`).toBe(cookie)
  })

  it('should give every openid of the account the same 6-character prefix, as WeChat does', async () => {
    const { app } = build()
    const first = personaCookieOf(await authorize(app))
    const second = personaCookieOf(await authorize(app))
    expect(first).not.toBe(second)
    expect(first.slice(0, 'mockwx_user='.length + 6)).toBe(second.slice(0, 'mockwx_user='.length + 6))
  })

  it('should come back as the same user when the cookie names a persona', async () => {
    const { app } = build()
    const cookie = personaCookieOf(await authorize(app))
    const again = await authorize(app, {}, { cookie })
    const { body } = await exchange(app, location(again).searchParams.get('code')!)
    expect(`mockwx_user=${body.openid}`).toBe(cookie)
  })

  it('should play the next-login openid once when one is set', async () => {
    const { app } = build()
    const cookie = personaCookieOf(await authorize(app))
    await app.inject({ method: 'POST', url: '/__control/next-login', payload: { openid: 'oNextLoginUser01' } })

    const overridden = await authorize(app, {}, { cookie })
    expect((await exchange(app, location(overridden).searchParams.get('code')!)).body.openid).toBe('oNextLoginUser01')
    expect(personaCookieOf(overridden)).toBe('mockwx_user=oNextLoginUser01')

    // Used up: the browser that keeps the old cookie is its old owner again.
    const after = await authorize(app, {}, { cookie })
    expect(`mockwx_user=${(await exchange(app, location(after).searchParams.get('code')!)).body.openid}`).toBe(cookie)
  })

  it('should record the device profile of each visit in the call log', async () => {
    const { app } = build()
    await authorize(app)
    await authorize(app, {}, { 'user-agent': ANDROID_UA })
    await authorize(app, {}, { 'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) Chrome/126.0' })
    const { calls } = (await app.inject({ url: '/__control/calls?path=/connect/oauth2/authorize' })).json()
    expect(calls.map((c: { profile: string }) => c.profile)).toEqual(['ios-wechat', 'android-wechat', 'not-wechat'])
  })

  it('should issue a different code on every visit', async () => {
    const { app } = build()
    const first = location(await authorize(app)).searchParams.get('code')
    const second = location(await authorize(app)).searchParams.get('code')
    expect(first).not.toBe(second)
  })
})
