import { connect } from 'node:net'
import { Writable } from 'node:stream'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type { App } from '../src/app'
import { build, LIVE_ENV } from './helper'

/** Sends raw bytes to the listening app and answers what came back before the socket closed. */
function rawRequest(port: number, text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(text))
    let answer = ''
    socket.on('data', chunk => (answer += chunk))
    socket.on('error', reject)
    socket.on('close', () => resolve(answer))
  })
}

function bodyOf(answer: string): unknown {
  return JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4))
}

describe('answers written before any route: one error shape', () => {
  let app: App
  let port: number
  beforeAll(async () => {
    app = await build({ env: LIVE_ENV })
    await app.listen({ port: 0, host: '127.0.0.1' })
    port = (app.server.address() as { port: number }).port
  })
  afterAll(() => app.close())

  it.each(['/api/products/%E0%A4%A', '/%E0%A4%A'])('should answer 400 VALIDATION in our shape when the URL %s has bad percent-encoding', async (url) => {
    const response = await app.inject({ url })
    expect(response.statusCode).toBe(400)
    expect(response.json()).toEqual({ error: { code: 'VALIDATION', message: 'the URL is not valid' } })
  })

  it('should answer 404 in our shape when the method is one Fastify has no route for', async () => {
    const answer = await rawRequest(port, 'PROPFIND /api/x HTTP/1.1\r\nHost: shop\r\nConnection: close\r\n\r\n')
    expect(answer).toMatch(/^HTTP\/1\.1 404 /)
    expect(bodyOf(answer)).toEqual({ error: { code: 'NOT_FOUND', message: 'PROPFIND /api/x not found' } })
  })

  it.each([
    ['a method Node does not know', 'FOO /api/x HTTP/1.1\r\nHost: shop\r\n\r\n', 400],
    ['a control character in the URL', 'GET /\x01 HTTP/1.1\r\nHost: shop\r\n\r\n', 400],
    ['headers larger than allowed', `GET / HTTP/1.1\r\nHost: shop\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`, 431],
  ])('should answer in our shape when the request has %s', async (_, text, status) => {
    const answer = await rawRequest(port, text)
    expect(answer).toMatch(new RegExp(`^HTTP/1\\.1 ${status} `))
    expect(bodyOf(answer)).toEqual({ error: { code: 'VALIDATION', message: expect.any(String) } })
  })
})

describe('server timeouts and limits', () => {
  let app: App
  beforeAll(async () => {
    app = await build()
  })
  afterAll(() => app.close())

  it('should keep idle keep-alive connections open longer than a proxy\'s 60 s, and bound requests', () => {
    expect(app.server.keepAliveTimeout).toBe(75_000)
    expect(app.server.requestTimeout).toBe(30_000)
    expect(app.server.headersTimeout).toBe(15_000)
    expect(app.server.timeout).toBe(60_000)
    expect(app.initialConfig).toMatchObject({ keepAliveTimeout: 75_000, requestTimeout: 30_000, connectionTimeout: 60_000, bodyLimit: 128 * 1024 })
  })

  it('should answer 413 in our shape when a body is larger than the limit', async () => {
    const response = await app.inject({ method: 'POST', url: '/api/auth/wechat/authorize', payload: { scope: 'snsapi_base', returnTo: `/${'a'.repeat(200 * 1024)}` } })
    expect(response.statusCode).toBe(413)
    expect(response.json().error.code).toBe('VALIDATION')
  })
})

describe('request logs', () => {
  let app: App
  const { lines, stream } = capturedLogs()
  beforeAll(async () => {
    app = await build({ env: LIVE_ENV, logger: { level: 'info', stream } })
  })
  afterAll(() => app.close())

  it('should log page URLs with the OAuth code and state redacted when WeChat sends the user back', async () => {
    lines.length = 0
    await app.inject({ url: '/profile?from=share&code=081Secret0CodeValue&state=stateSecret123' })
    const completed = lines.map(line => JSON.parse(line)).find(entry => entry.msg === 'request completed')
    expect(completed.url).toBe('/profile?from=share&code=[redacted]&state=[redacted]')
    expect(lines.join('')).not.toContain('081Secret0CodeValue')
    expect(lines.join('')).not.toContain('stateSecret123')
  })

  it('should write one access-log line per request with its id, method, URL, status, time and address', async () => {
    lines.length = 0
    await app.inject({ url: '/api/categories?from=share', remoteAddress: '203.0.113.7' })
    const entries = lines.map(line => JSON.parse(line))
    expect(entries).toHaveLength(1)
    expect(entries[0]).toMatchObject({
      level: 30,
      msg: 'request completed',
      reqId: expect.any(String),
      method: 'GET',
      url: '/api/categories?from=share',
      statusCode: 200,
      responseTime: expect.any(Number),
      remoteAddress: '203.0.113.7',
    })
  })

  it('should log refused and unknown requests too, with their status', async () => {
    lines.length = 0
    await app.inject({ method: 'POST', url: '/api/auth/logout', headers: { 'content-type': 'text/plain' }, payload: 'x' })
    await app.inject({ url: '/api/nothing-here' })
    const completed = lines.map(line => JSON.parse(line)).filter(entry => entry.msg === 'request completed')
    expect(completed.map(entry => [entry.method, entry.url, entry.statusCode])).toEqual([
      ['POST', '/api/auth/logout', 403],
      ['GET', '/api/nothing-here', 404],
    ])
  })

  it('should redact the code and state in the error log of a failing request', async () => {
    const spy = vi.spyOn(app.productRepository, 'list').mockRejectedValueOnce(new Error('boom'))
    lines.length = 0
    await app.inject({ url: '/api/products?q=x&code=081Secret0CodeValue&state=stateSecret123' })
    spy.mockRestore()
    const failed = lines.map(line => JSON.parse(line)).find(entry => entry.msg === 'request failed')
    expect(failed.request.url).toBe('/api/products?q=x&code=[redacted]&state=[redacted]')
    expect(lines.join('')).not.toContain('081Secret0CodeValue')
    expect(lines.join('')).not.toContain('stateSecret123')
  })
})

describe('request logs at debug', () => {
  let app: App
  const { lines, stream } = capturedLogs()
  beforeAll(async () => {
    app = await build({ env: LIVE_ENV, logger: { level: 'debug', stream } })
  })
  afterAll(() => app.close())

  it('should log the incoming request too, with the OAuth code and state redacted, when LOG_LEVEL is debug', async () => {
    lines.length = 0
    await app.inject({ url: '/profile?code=081Secret0CodeValue&state=stateSecret123' })
    const incoming = lines.map(line => JSON.parse(line)).find(entry => entry.msg === 'incoming request')
    expect(incoming).toMatchObject({ reqId: expect.any(String), method: 'GET', url: '/profile?code=[redacted]&state=[redacted]' })
    expect(lines.join('')).not.toContain('081Secret0CodeValue')
    expect(lines.join('')).not.toContain('stateSecret123')
  })
})

/** A log stream for a test app, and the lines written to it. */
function capturedLogs(): { lines: string[], stream: Writable } {
  const lines: string[] = []
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk))
      done()
    },
  })
  return { lines, stream }
}
