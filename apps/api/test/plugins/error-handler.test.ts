import { Writable } from 'node:stream'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type { App } from '../../src/app'
import { build } from '../helper'

describe('error handler', () => {
  let app: App
  const logLines: Record<string, unknown>[] = []
  const stream = new Writable({
    write(chunk, _encoding, done) {
      logLines.push(JSON.parse(String(chunk)))
      done()
    },
  })

  beforeAll(async () => {
    app = await build({ logger: { level: 'error', stream } })
  })
  afterAll(() => app.close())

  it('should hide the cause behind INTERNAL and log the request when a handler fails', async () => {
    const spy = vi.spyOn(app.productRepository, 'findById').mockRejectedValueOnce(new Error('SQLITE_CORRUPT at /secret/path'))
    const response = await app.inject({ url: '/api/products/7?x=1' })
    spy.mockRestore()
    expect(response.statusCode).toBe(500)
    expect(response.json()).toEqual({ error: { code: 'INTERNAL', message: 'Internal Server Error' } })
    expect(response.body).not.toContain('SQLITE_CORRUPT')
    const line = logLines.find(entry => entry.msg === 'request failed')
    expect(line).toMatchObject({
      level: 50,
      err: { message: 'SQLITE_CORRUPT at /secret/path' },
      request: { method: 'GET', url: '/api/products/7?x=1', params: { id: 7 } },
    })
  })

  it.each([
    ['GET', '/api/nope'],
    ['GET', '/api'],
    ['POST', '/api/products'],
    ['DELETE', '/api/products/1'],
  ])('should answer a JSON 404 when %s %s has no route', async (method, url) => {
    const response = await app.inject({ method: method as 'GET', url })
    expect(response.statusCode).toBe(404)
    expect(response.headers['content-type']).toContain('application/json')
    expect(response.json()).toEqual({ error: { code: 'NOT_FOUND', message: `${method} ${url} not found` } })
  })
})
