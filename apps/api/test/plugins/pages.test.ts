import { Writable } from 'node:stream'
import { describe, expect, it, vi } from 'vitest'
import { createBrowser } from '../auth-flow'
import { build, INDEX_HTML, LIVE_ENV, servedIndexHtml, useAppWithMockWechat } from '../helper'

describe('pages: the fast path falls back to the SPA', () => {
  const warnings: Record<string, unknown>[] = []
  const stream = new Writable({
    write(chunk, _encoding, done) {
      warnings.push(JSON.parse(String(chunk)))
      done()
    },
  })
  // mock mode: every browser is WeChat's to the fast path, so a page request would redirect
  const stack = useAppWithMockWechat({ logger: { level: 'warn', stream } })

  it.each([
    ['the session lookup', () => vi.spyOn(stack.app.sessionRepository, 'find')],
    ['the OAuth state insert', () => vi.spyOn(stack.app.oauthStateRepository, 'create')],
  ])('should serve index.html and log a warning when %s fails during a WeChat page load', async (_, spy) => {
    const failing = spy().mockRejectedValueOnce(new Error('connection terminated unexpectedly'))
    const browser = createBrowser(stack.app)
    // a session cookie, so the session lookup runs
    browser.cookies.set('wxshop_sid', stack.app.signCookie('some-token'))
    warnings.length = 0
    const response = await browser.get('/cart')
    expect(failing).toHaveBeenCalled()
    failing.mockRestore()
    expect(response.statusCode).toBe(200)
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8')
    expect(response.body).toBe(servedIndexHtml(stack.app))
    expect(warnings).toContainEqual(expect.objectContaining({ level: 40, msg: 'page fast path failed: serving index.html instead' }))
  })
})

describe('index.html: the mock WeChat\'s in-page client', () => {
  const stack = useAppWithMockWechat()

  it('should load the mock\'s bridge script in <head>, before the SPA\'s module script, in mock mode', async () => {
    const response = await createBrowser(stack.app).get('/auth/callback')
    const { openBase } = stack.app.config.wechat
    expect(response.body).toBe(INDEX_HTML.replace('</head>', `<script src="${openBase}/bridge.js"></script></head>`))
  })

  it('should never load a bridge script in live mode, where WeChat brings its own', async () => {
    const app = await build({ env: LIVE_ENV })
    try {
      const response = await createBrowser(app).get('/auth/callback')
      expect(response.body).toBe(INDEX_HTML)
    } finally {
      await app.close()
    }
  })

  it('should refuse an injection once pages are being served', () => {
    expect(() => stack.app.indexHtml.inject('<script></script>')).toThrow(/while the app is built/)
  })
})
