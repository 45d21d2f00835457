import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { App } from '../../src/app'
import { countRows, createBrowser, WECHAT_UA } from '../auth-flow'
import { build, servedIndexHtml } from '../helper'

// The default budget: 120 new OAuth states per address per minute.
const BUDGET = 120

describe('OAuth state writes are rate-limited per address', () => {
  let app: App
  beforeAll(async () => {
    app = await build()
  })
  afterAll(() => app.close())

  const authorize = (ip: string) => createBrowser(app, ip).post('/api/auth/wechat/authorize', { scope: 'snsapi_base', returnTo: '/' })
  /** A WeChat user's first page load: a fresh browser each time, so the loop guard cookie never helps. */
  const pageLoad = (ip: string) => createBrowser(app, ip).get('/cart', { 'user-agent': WECHAT_UA })

  it('should answer 429 RATE_LIMITED with Retry-After and write no state when one address exceeds its authorize budget', async () => {
    for (let call = 0; call < BUDGET; call++)
      expect((await authorize('203.0.113.90')).statusCode).toBe(200)
    const before = await countRows(app, 'oauth_states')
    const response = await authorize('203.0.113.90')
    expect(response.statusCode).toBe(429)
    expect(response.json()).toEqual({ error: { code: 'RATE_LIMITED', message: '请求过于频繁，请稍后再试' } })
    const retryAfter = Number(response.headers['retry-after'])
    expect(retryAfter).toBeGreaterThan(0)
    expect(retryAfter).toBeLessThanOrEqual(60)
    expect(await countRows(app, 'oauth_states')).toBe(before)
    // another address has its own budget
    expect((await authorize('203.0.113.91')).statusCode).toBe(200)
  })

  it('should serve the SPA instead of redirecting, and write no state, when page loads from one address exceed the budget', async () => {
    for (let load = 0; load < BUDGET; load++)
      expect((await pageLoad('203.0.113.92')).statusCode).toBe(302)
    const before = await countRows(app, 'oauth_states')
    const response = await pageLoad('203.0.113.92')
    expect(response.statusCode).toBe(200)
    expect(response.body).toBe(servedIndexHtml(app))
    expect(await countRows(app, 'oauth_states')).toBe(before)
  })

  it('should count page loads and authorize calls against one budget', async () => {
    for (let load = 0; load < BUDGET; load++)
      expect((await pageLoad('203.0.113.93')).statusCode).toBe(302)
    expect((await authorize('203.0.113.93')).statusCode).toBe(429)
  })
})
