import { describe, expect, it } from 'vitest'
import type { MockWechat } from '../../src/app'
import { ANDROID_UA, baseCode, build, IOS_UA } from '../helper'

const SHOP = 'http://localhost:3000'
const DEVICE = '0123456789abcdef0123456789abcdef'
const OTHER_DEVICE = 'fedcba9876543210fedcba9876543210'

function session(app: MockWechat, body: Record<string, string>, origin = SHOP) {
  return app.inject({ method: 'POST', url: '/__bridge/session', headers: { origin }, payload: body })
}

async function userOf(app: MockWechat, body: Record<string, string>) {
  return (await session(app, body)).json().user as { openid: string, nickname: string, headimgurl: string } | null
}

async function defineUser(app: MockWechat, openid: string, nickname: string) {
  await app.inject({ method: 'PUT', url: `/__control/users/${openid}`, payload: { nickname } })
}

/** A code from authorize for `openid`, as the shop's callback page carries it. */
async function codeFor(app: MockWechat, openid: string) {
  await app.inject({ method: 'POST', url: '/__control/next-login', payload: { openid } })
  return baseCode(app)
}

describe('GET /bridge.js', () => {
  it('should serve the in-page client as uncached JavaScript that the shop\'s page may load', async () => {
    const { app } = build()
    const response = await app.inject({ url: '/bridge.js', headers: { 'sec-fetch-site': 'cross-site', 'sec-fetch-dest': 'script' } })
    expect(response.statusCode).toBe(200)
    expect(response.headers['content-type']).toBe('application/javascript; charset=utf-8')
    expect(response.headers['cache-control']).toBe('no-cache')
    expect(response.headers['cross-origin-resource-policy']).toBe('cross-origin')
    expect(response.body).toContain('/__bridge/session')
  })

  it.each([
    ['iOS WeChat', IOS_UA, 'ios-wechat'],
    ['Android WeChat', ANDROID_UA, 'android-wechat'],
    ['a desktop browser', 'Mozilla/5.0 (X11; Linux x86_64) Chrome/130.0 Safari/537.36', 'not-wechat'],
    ['no user agent', undefined, 'not-wechat'],
  ])('should tell the script which client it plays for %s, varying by user agent', async (_name, userAgent, client) => {
    const { app } = build()
    const response = await app.inject({ url: '/bridge.js', headers: userAgent === undefined ? {} : { 'user-agent': userAgent } })
    expect(response.body.split('\n').slice(0, 3)).toEqual(['(function () {', '\'use strict\'', `const CLIENT = "${client}"`])
    expect(response.headers.vary).toMatch(/\bUser-Agent\b/)
    expect(response.headers['cache-control']).toBe('no-cache')
  })

  it('should serve a script that parses, and reads no user agent itself', async () => {
    const { app } = build()
    const body = (await app.inject({ url: '/bridge.js', headers: { 'user-agent': IOS_UA } })).body
    expect(() => new Function(body)).not.toThrow()
    expect(body).not.toMatch(/userAgent|MicroMessenger/i)
  })

  it('should not count as a call to WeChat', async () => {
    const { app } = build()
    await app.inject({ url: '/bridge.js' })
    await session(app, { device: DEVICE })
    expect((await app.inject({ url: '/__control/calls' })).json().count).toBe(0)
  })
})

describe('POST /__bridge/session', () => {
  it('should know nobody on a browser that has never signed in', async () => {
    const { app } = build()
    expect(await userOf(app, { device: DEVICE })).toBeNull()
  })

  it('should tell the page who the user is once its device brought back a code, and on its later pages', async () => {
    const { app } = build()
    await defineUser(app, 'oBridgeAlice0001', 'Alice')
    const code = await codeFor(app, 'oBridgeAlice0001')
    expect(await userOf(app, { device: DEVICE, code })).toEqual({ openid: 'oBridgeAlice0001', nickname: 'Alice', headimgurl: 'http://localhost:80/avatars/oBridgeAlice0001.svg' })
    expect((await userOf(app, { device: DEVICE }))?.openid).toBe('oBridgeAlice0001')
    expect(await userOf(app, { device: OTHER_DEVICE })).toBeNull()
  })

  it('should still link after the shop has exchanged the code', async () => {
    const { app } = build()
    const code = await codeFor(app, 'oBridgeAlice0001')
    await app.inject({ url: `/sns/oauth2/access_token?appid=wxa1b2c3d4e5f60718&secret=3b9f0c1e7d2a4f6b8c0d1e2f3a4b5c6d&code=${code}&grant_type=authorization_code` })
    expect((await userOf(app, { device: DEVICE, code }))?.openid).toBe('oBridgeAlice0001')
  })

  it('should follow the phone to a new user when a later code belongs to someone else', async () => {
    const { app } = build()
    await userOf(app, { device: DEVICE, code: await codeFor(app, 'oBridgeAlice0001') })
    expect((await userOf(app, { device: DEVICE, code: await codeFor(app, 'oBridgeBob00001') }))?.openid).toBe('oBridgeBob00001')
  })

  it('should change nothing for a code the mock never issued or one older than 5 minutes', async () => {
    const { app, clock } = build()
    const aliceCode = await codeFor(app, 'oBridgeAlice0001')
    const bobCode = await codeFor(app, 'oBridgeBob00001')
    await userOf(app, { device: DEVICE, code: aliceCode })
    expect((await userOf(app, { device: DEVICE, code: 'not-a-code-of-ours' }))?.openid).toBe('oBridgeAlice0001')
    clock.advance(5 * 60 * 1000)
    expect((await userOf(app, { device: DEVICE, code: bobCode }))?.openid).toBe('oBridgeAlice0001')
  })

  it('should forget every device on reset', async () => {
    const { app } = build()
    await userOf(app, { device: DEVICE, code: await codeFor(app, 'oBridgeAlice0001') })
    await app.inject({ method: 'POST', url: '/__control/reset', payload: {} })
    expect(await userOf(app, { device: DEVICE })).toBeNull()
  })

  it('should answer 400 for a malformed device id', async () => {
    const { app } = build()
    const response = await session(app, { device: 'ABC' })
    expect(response.statusCode).toBe(400)
    expect(response.json().error.code).toBe('VALIDATION')
  })
})

describe('CORS of the in-page client', () => {
  it('should let the shop\'s page ask, naming exactly its origin and no credentials', async () => {
    const { app } = build()
    const preflight = await app.inject({
      method: 'OPTIONS',
      url: '/__bridge/session',
      headers: { 'origin': SHOP, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
    })
    expect(preflight.statusCode).toBe(204)
    expect(preflight.headers['access-control-allow-origin']).toBe(SHOP)
    expect(preflight.headers['access-control-allow-headers']).toBe('content-type')
    expect(preflight.headers['access-control-allow-credentials']).toBeUndefined()
    const response = await session(app, { device: DEVICE })
    expect(response.headers['access-control-allow-origin']).toBe(SHOP)
    expect(response.headers.vary).toBe('Origin')
  })

  it('should let a shop on another port of the same host ask, as WeChat ignores ports', async () => {
    const { app } = build()
    expect((await session(app, { device: DEVICE }, 'http://localhost:3301')).headers['access-control-allow-origin']).toBe('http://localhost:3301')
  })

  it.each([
    ['another site', 'http://evil.example'],
    ['another scheme', 'https://localhost:3000'],
    ['a sandboxed page', 'null'],
  ])('should refuse %s with 403 and no CORS header', async (_name, origin) => {
    const { app } = build()
    await userOf(app, { device: DEVICE, code: await codeFor(app, 'oBridgeAlice0001') })
    for (const response of [
      await session(app, { device: DEVICE }, origin),
      await app.inject({ method: 'OPTIONS', url: '/__bridge/session', headers: { 'origin': origin, 'access-control-request-method': 'POST' } }),
    ]) {
      expect(response.statusCode).toBe(403)
      expect(response.headers['access-control-allow-origin']).toBeUndefined()
      expect(response.body).not.toContain('oBridgeAlice0001')
    }
  })
})
