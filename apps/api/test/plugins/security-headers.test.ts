import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { App } from '../../src/app'
import { build, LIVE_ENV } from '../helper'

/** A CSP keyword, in its single quotes. */
const q = (keyword: string) => `'${keyword}'`

/** The CSP as a map of directive → sources. */
function csp(header: unknown): Record<string, string[]> {
  expect(typeof header).toBe('string')
  return Object.fromEntries(String(header).split(';').map(part => part.trim().split(/\s+/)).map(([name, ...sources]) => [name!, sources]))
}

describe('security headers', () => {
  let app: App
  beforeAll(async () => {
    app = await build({ env: { WECHAT_API_BASE: 'http://127.0.0.1:3999', WECHAT_OPEN_BASE: 'http://127.0.0.1:3999' } })
  })
  afterAll(() => app.close())

  it.each([
    ['a page', '/cart'],
    ['a hashed asset', '/assets/index-B1a2c3d4.js'],
    ['an API answer', '/api/products'],
    ['an API error', '/api/nope'],
  ])('should send nosniff, a referrer policy and forbid framing on %s', async (_, url) => {
    const response = await app.inject({ url })
    expect(response.headers['x-content-type-options']).toBe('nosniff')
    expect(response.headers['referrer-policy']).toBe('strict-origin-when-cross-origin')
    expect(response.headers['x-frame-options']).toBe('DENY')
    expect(csp(response.headers['content-security-policy'])['frame-ancestors']).toEqual([q('none')])
  })

  it('should let the page load its own scripts, the JS-SDK and the mock bridge, and nothing inline, when in mock mode', async () => {
    const policy = csp((await app.inject({ url: '/' })).headers['content-security-policy'])
    expect(policy['script-src']).toEqual([q('self'), 'https://res.wx.qq.com', 'https://res2.wx.qq.com', 'http://127.0.0.1:3999'])
    expect(policy['style-src']).toEqual([q('self'), q('unsafe-inline')])
    expect(policy['img-src']).toEqual(expect.arrayContaining([q('self'), 'https://thirdwx.qlogo.cn', 'https://wx.qlogo.cn', 'http://127.0.0.1:3999']))
    expect(policy['object-src']).toEqual([q('none')])
    expect(policy['default-src']).toEqual([q('self')])
  })

  it('should not send HSTS when PUBLIC_URL is http', async () => {
    expect((await app.inject({ url: '/' })).headers['strict-transport-security']).toBeUndefined()
  })
})

describe('security headers in live mode over https', () => {
  let app: App
  beforeAll(async () => {
    app = await build({ env: { ...LIVE_ENV, PUBLIC_URL: 'https://shop.example.com', WECHAT_FOLLOW_QR_URL: 'https://cdn.example.net/wx/qrcode.jpg' } })
  })
  afterAll(() => app.close())

  it('should let the page show the Official Account\'s QR code from the host WECHAT_FOLLOW_QR_URL names', async () => {
    const policy = csp((await app.inject({ url: '/' })).headers['content-security-policy'])
    expect(policy['img-src']).toContain('https://cdn.example.net')
  })

  it('should send HSTS when PUBLIC_URL is https', async () => {
    expect((await app.inject({ url: '/api/health' })).headers['strict-transport-security']).toBe('max-age=31536000')
  })

  it('should allow no mock origin in the policy when in live mode', async () => {
    const header = String((await app.inject({ url: '/' })).headers['content-security-policy'])
    expect(header).not.toContain('127.0.0.1')
    expect(csp(header)['script-src']).toEqual([q('self'), 'https://res.wx.qq.com', 'https://res2.wx.qq.com'])
  })
})
