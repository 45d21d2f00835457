import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { App } from '../../src/app'
import { ASSET_JS, build, INDEX_HTML, LIVE_ENV } from '../helper'

describe('SPA serving', () => {
  let app: App
  beforeAll(async () => {
    // live mode and a desktop browser: the page fast path (spa-fast-path.test.ts) stays out of the way
    app = await build({ env: LIVE_ENV })
    // what `vite build` leaves for bench/size.mjs, and a dotfile: neither is for browsers
    mkdirSync(join(app.config.webDistDir, '.vite'), { recursive: true })
    writeFileSync(join(app.config.webDistDir, '.vite', 'manifest.json'), '{"index.html":{}}')
    writeFileSync(join(app.config.webDistDir, '.env'), 'SECRET=1')
  })
  afterAll(() => app.close())

  it.each(['/', '/product/3', '/cart', '/orders/12', '/index.html', '/images/'])('should answer index.html without caching when GET %s', async (url) => {
    const response = await app.inject({ url })
    expect(response.statusCode).toBe(200)
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8')
    expect(response.headers['cache-control']).toBe('no-cache')
    expect(response.body).toBe(INDEX_HTML)
  })

  it('should keep the query string working when a page URL carries one', async () => {
    const response = await app.inject({ url: '/product/3?code=abc&state=xyz' })
    expect(response.statusCode).toBe(200)
    expect(response.body).toBe(INDEX_HTML)
  })

  it('should cache hashed assets forever when served from /assets/', async () => {
    const response = await app.inject({ url: '/assets/index-B1a2c3d4.js' })
    expect(response.statusCode).toBe(200)
    expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable')
    expect(response.body).toBe(ASSET_JS)
  })

  it.each(['/favicon.svg', '/images/products/apple-1.svg'])('should cache %s briefly when it is an unhashed public file', async (url) => {
    const response = await app.inject({ url })
    expect(response.statusCode).toBe(200)
    expect(response.headers['cache-control']).toBe('public, max-age=3600')
  })

  it.each(['/assets/nope.js', '/assets/nope', '/nope.png', '/images/products/missing.svg'])('should answer a JSON 404 rather than index.html when the file %s is missing', async (url) => {
    const response = await app.inject({ url })
    expect(response.statusCode).toBe(404)
    expect(response.json()).toEqual({ error: { code: 'NOT_FOUND', message: `GET ${url} not found` } })
  })

  it('should answer HEAD like GET when asked for a page', async () => {
    const response = await app.inject({ method: 'HEAD', url: '/cart' })
    expect(response.statusCode).toBe(200)
    expect(response.headers['cache-control']).toBe('no-cache')
  })

  it('should answer a JSON 404 when another method asks for a page URL', async () => {
    const response = await app.inject({ method: 'POST', url: '/cart' })
    expect(response.statusCode).toBe(404)
    expect(response.json().error.code).toBe('NOT_FOUND')
  })

  it.each([
    ['a double slash', '//x'],
    ['a double slash with a host', '//evil.example/x'],
    ['an encoded backslash', '/%5Cx'],
    ['a NUL byte', '/x%00y'],
    ['a very long path', `/${'a'.repeat(5000)}`],
  ])('should answer the app\'s page rather than the static plugin\'s 403 when a page URL has %s', async (_, url) => {
    const response = await app.inject({ url })
    expect(response.statusCode).toBe(200)
    expect(response.body).toBe(INDEX_HTML)
  })

  it.each([
    ['/.vite/manifest.json'],
    ['/.env'],
    ['/assets//index-B1a2c3d4.js'],
    ['/assets/%5Cindex-B1a2c3d4.js'],
  ])('should answer a JSON 404 and no file content when asked for %s', async (url) => {
    const response = await app.inject({ url })
    expect(response.statusCode).toBe(404)
    expect(response.json()).toEqual({ error: { code: 'NOT_FOUND', message: expect.stringMatching(/^GET .* not found$/) } })
  })

  it('should not serve dotfiles or escape the dist folder when asked', async () => {
    expect((await app.inject({ url: '/../../etc/passwd' })).body).not.toContain('root:')
    expect((await app.inject({ url: '/%2e%2e/%2e%2e/etc/passwd' })).body).not.toContain('root:')
  })
})

describe('SPA serving without a web build', () => {
  let app: App
  beforeAll(async () => {
    app = await build({ web: 'missing' })
  })
  afterAll(() => app.close())

  it.each(['/', '/cart', '/assets/index.js'])('should answer 503 saying to run pnpm build when GET %s', async (url) => {
    const response = await app.inject({ url })
    expect(response.statusCode).toBe(503)
    expect(response.headers['content-type']).toBe('text/plain; charset=utf-8')
    expect(response.body).toContain('run `pnpm build`')
  })

  it('should still serve the API when the web build is missing', async () => {
    expect((await app.inject({ url: '/api/health' })).statusCode).toBe(200)
    expect((await app.inject({ url: '/api/nope' })).statusCode).toBe(404)
  })
})
