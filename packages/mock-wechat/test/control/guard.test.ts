import { describe, expect, it } from 'vitest'
import type { MockWechat } from '../../src/app'
import { authorize, build } from '../helper'

const MOCK_HOST = '127.0.0.1:3100'
const JSON_HEADERS = { 'content-type': 'application/json' }

async function defineUser(app: MockWechat) {
  await app.inject({ method: 'PUT', url: '/__control/users/oGuardUser0001', payload: { nickname: '留下' } })
}

async function userCount(app: MockWechat): Promise<number> {
  return (await app.inject({ url: '/__control/users' })).json().users.length
}

function reset(app: MockWechat, headers: Record<string, string>, payload = '{}') {
  return app.inject({ method: 'POST', url: '/__control/reset', headers: { host: MOCK_HOST, ...headers }, payload })
}

describe('control API guard', () => {
  it('should refuse a reset from another site\'s page with 403 and forget nothing', async () => {
    const { app } = build()
    await defineUser(app)
    const response = await reset(app, { ...JSON_HEADERS, 'origin': 'http://evil.example', 'sec-fetch-site': 'cross-site' })
    expect(response.statusCode).toBe(403)
    expect(response.json()).toEqual({ error: { code: 'FORBIDDEN', message: 'the control API refuses pages from other origins (http://evil.example)' } })
    expect(await userCount(app)).toBe(1)
  })

  it('should refuse the shop\'s page too when it is another origin on the same site', async () => {
    const { app } = build()
    await defineUser(app)
    const response = await reset(app, { ...JSON_HEADERS, 'host': 'localhost:3100', 'origin': 'http://localhost:3000', 'sec-fetch-site': 'same-site' })
    expect(response.statusCode).toBe(403)
    expect(await userCount(app)).toBe(1)
  })

  it('should refuse a cross-site request that carries no Origin, such as a link to the control API', async () => {
    const { app } = build()
    const response = await app.inject({ url: '/__control/users', headers: { 'host': MOCK_HOST, 'sec-fetch-site': 'cross-site' } })
    expect(response.statusCode).toBe(403)
  })

  it('should refuse a browser that reached the mock through another host name (DNS rebinding)', async () => {
    const { app } = build()
    await defineUser(app)
    const response = await reset(app, { ...JSON_HEADERS, 'host': 'rebind.evil.example:3100', 'origin': 'http://rebind.evil.example:3100', 'sec-fetch-site': 'same-origin' })
    expect(response.statusCode).toBe(403)
    expect(response.json().error.message).toBe('the control API answers browsers on the mock\'s loopback address only, not on rebind.evil.example:3100')
    expect(await userCount(app)).toBe(1)
  })

  it.each([
    ['a form', 'application/x-www-form-urlencoded', 'x=1'],
    ['a multipart form', 'multipart/form-data; boundary=b', '--b--'],
    ['text/plain', 'text/plain', '{}'],
  ])('should refuse %s body with 415 and forget nothing', async (_name, contentType, payload) => {
    const { app } = build()
    await defineUser(app)
    const response = await reset(app, { 'content-type': contentType }, payload)
    expect(response.statusCode).toBe(415)
    expect(response.json().error.code).toBe('UNSUPPORTED_MEDIA_TYPE')
    expect(await userCount(app)).toBe(1)
  })

  it('should refuse a form that sets the next login, so another site cannot pick who signs in', async () => {
    const { app } = build()
    const response = await app.inject({ method: 'POST', url: '/__control/next-login', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'consent=deny' })
    expect(response.statusCode).toBe(415)
    // the consent page still shows: no automatic 拒绝 was queued
    expect((await authorize(app, { scope: 'snsapi_userinfo' })).statusCode).toBe(200)
  })

  it('should refuse a POST without a content type', async () => {
    const { app } = build()
    expect((await app.inject({ method: 'POST', url: '/__control/reset' })).statusCode).toBe(415)
  })

  it('should accept a tool\'s request without Origin, as curl sends it', async () => {
    const { app } = build()
    await defineUser(app)
    const response = await reset(app, { ...JSON_HEADERS, 'user-agent': 'curl/8.5.0' })
    expect(response.json()).toEqual({ ok: true })
    expect(await userCount(app)).toBe(0)
  })

  it('should accept a page on the mock\'s own origin and an address-bar visit', async () => {
    const { app } = build()
    await defineUser(app)
    expect((await app.inject({ url: '/__control/users', headers: { 'host': MOCK_HOST, 'sec-fetch-site': 'none' } })).statusCode).toBe(200)
    const response = await reset(app, { ...JSON_HEADERS, 'origin': `http://${MOCK_HOST}`, 'sec-fetch-site': 'same-origin' })
    expect(response.json()).toEqual({ ok: true })
    expect(await userCount(app)).toBe(0)
  })

  it('should leave WeChat\'s own pages alone: the consent form still posts urlencoded', async () => {
    const { app } = build()
    const response = await app.inject({ method: 'POST', url: '/connect/oauth2/authorize_reply', headers: { 'content-type': 'application/x-www-form-urlencoded', 'origin': 'http://localhost:3000' }, payload: 'ticket=gone&action=allow' })
    expect(response.statusCode).toBe(200)
    expect(response.body).toContain('页面已失效')
  })
})
