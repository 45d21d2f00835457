import { describe, expect, it } from 'vitest'
import { authorize, baseCode, build, errmsgPattern, exchange, location } from '../helper'

const TOKEN_PATH = '/sns/oauth2/access_token'

describe('POST /__control/fail', () => {
  it('should answer system error -1 on the next calls to the path, then recover', async () => {
    const { app } = build()
    const queued = await app.inject({ method: 'POST', url: '/__control/fail', payload: { path: TOKEN_PATH, errcode: -1, times: 2 } })
    expect(queued.json()).toEqual({ queued: { path: TOKEN_PATH, errcode: -1, times: 2 } })
    const code = await baseCode(app)
    for (let i = 0; i < 2; i++) {
      const { response, body } = await exchange(app, code)
      expect(response.statusCode).toBe(200)
      expect(response.headers['content-type']).toBe('text/plain')
      expect(body.errcode).toBe(-1)
      expect(body.errmsg).toMatch(errmsgPattern('system error'))
    }
    // The failed calls never reached WeChat's logic: the code is still unused.
    expect((await exchange(app, code)).body.access_token).toBeDefined()
  })

  it('should use WeChat\'s errmsg for the errcode unless one is given', async () => {
    const { app } = build()
    await app.inject({ method: 'POST', url: '/__control/fail', payload: { path: TOKEN_PATH, errcode: 40029 } })
    await app.inject({ method: 'POST', url: '/__control/fail', payload: { path: TOKEN_PATH, errcode: 45009, errmsg: 'api freq out of limit' } })
    const code = await baseCode(app)
    expect((await exchange(app, code)).body.errmsg).toMatch(errmsgPattern('invalid code'))
    expect((await exchange(app, code)).body).toMatchObject({ errcode: 45009, errmsg: expect.stringMatching(errmsgPattern('api freq out of limit')) })
  })

  it('should show the Oops page with the errcode when the authorize page is failed', async () => {
    const { app } = build()
    await app.inject({ method: 'POST', url: '/__control/fail', payload: { path: '/connect/oauth2/authorize', errcode: 10009 } })
    const failed = await authorize(app)
    expect(failed.statusCode).toBe(200)
    expect(failed.body.replace(/<[^>]+>/g, '')).toContain('操作太频繁了，请稍后重试，错误码：10009')
    expect(location(await authorize(app)).searchParams.get('code')).toBeTruthy()
  })

  it('should hold the answer for delayMs and then answer normally when only a delay is given', async () => {
    const { app } = build()
    await app.inject({ method: 'POST', url: '/__control/fail', payload: { path: TOKEN_PATH, delayMs: 150 } })
    const code = await baseCode(app)
    const started = performance.now()
    const { body } = await exchange(app, code)
    expect(performance.now() - started).toBeGreaterThanOrEqual(140)
    expect(body.access_token).toBeDefined()
  })

  it('should hold the answer and then fail when both delayMs and errcode are given', async () => {
    const { app } = build()
    await app.inject({ method: 'POST', url: '/__control/fail', payload: { path: TOKEN_PATH, errcode: -1, delayMs: 100 } })
    const started = performance.now()
    const { body } = await exchange(app, 'any')
    expect(performance.now() - started).toBeGreaterThanOrEqual(90)
    expect(body.errcode).toBe(-1)
  })

  it('should release a held call when the mock closes instead of keeping it open for 30 s', async () => {
    const { app } = build()
    await app.inject({ method: 'POST', url: '/__control/fail', payload: { path: TOKEN_PATH, errcode: 'timeout' } })
    const held = exchange(app, 'any')
    await new Promise(resolve => setTimeout(resolve, 50))
    const started = performance.now()
    await app.close()
    await held
    expect(performance.now() - started).toBeLessThan(5000)
  })

  it('should log failed calls like any other call', async () => {
    const { app } = build()
    await app.inject({ method: 'POST', url: '/__control/fail', payload: { path: TOKEN_PATH, errcode: -1 } })
    await exchange(app, 'any')
    const { count, calls } = (await app.inject({ url: `/__control/calls?path=${TOKEN_PATH}` })).json()
    expect(count).toBe(1)
    expect(calls[0].statusCode).toBe(200)
  })

  it.each([
    [{ path: TOKEN_PATH }, 'body must have errcode'],
    [{ path: '/__control/reset', errcode: -1 }, 'body/path must match pattern'],
    [{ path: 'sns/auth', errcode: -1 }, 'body/path must match pattern'],
    [{ path: TOKEN_PATH, errcode: 'slow' }, 'body/errcode must be an integer or "timeout"'],
    [{ path: TOKEN_PATH, errcode: -1, times: 0 }, 'body/times must be >= 1'],
  ])('should answer 400 when the body is %j', async (payload, message) => {
    const { app } = build()
    const response = await app.inject({ method: 'POST', url: '/__control/fail', payload })
    expect(response.statusCode).toBe(400)
    expect(response.json().error.message).toContain(message)
  })
})
