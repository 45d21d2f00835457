import { describe, expect, it } from 'vitest'
import type { MockWechat } from '../../src/app'
import { APPID, baseCode, build, errmsgPattern, exchange, sns } from '../helper'

async function tokens(app: MockWechat) {
  return (await exchange(app, await baseCode(app))).body as { access_token: string, refresh_token: string, openid: string }
}

function refresh(app: MockWechat, refreshToken: string | undefined, overrides: Record<string, string | undefined> = {}) {
  return sns(app, '/sns/oauth2/refresh_token', { appid: APPID, grant_type: 'refresh_token', refresh_token: refreshToken, ...overrides })
}

describe('GET /sns/oauth2/refresh_token', () => {
  it('should keep the access_token and renew its 7200 s when it is still valid', async () => {
    const { app, clock } = build()
    const issued = await tokens(app)
    clock.advance(7000 * 1000)
    const { response, body } = await refresh(app, issued.refresh_token)
    expect(response.headers['content-type']).toBe('text/plain')
    expect(body).toEqual({ access_token: issued.access_token, expires_in: 7200, refresh_token: issued.refresh_token, openid: issued.openid, scope: 'snsapi_base' })
    clock.advance(7000 * 1000)
    expect((await sns(app, '/sns/auth', { access_token: issued.access_token, openid: issued.openid })).body.errcode).toBe(0)
  })

  it('should issue a new access_token when the old one has expired', async () => {
    const { app, clock } = build()
    const issued = await tokens(app)
    clock.advance(7200 * 1000)
    const { body } = await refresh(app, issued.refresh_token)
    expect(body.access_token).not.toBe(issued.access_token)
    expect((await sns(app, '/sns/auth', { access_token: body.access_token as string, openid: issued.openid })).body.errcode).toBe(0)
  })

  it('should answer 40030 when the refresh_token is unknown', async () => {
    const { app } = build()
    const { body } = await refresh(app, '86_unknown')
    expect(body.errcode).toBe(40030)
    expect(body.errmsg).toMatch(errmsgPattern('invalid refresh_token'))
  })

  it('should answer 42002 when the refresh_token is older than 30 days', async () => {
    const { app, clock } = build()
    const issued = await tokens(app)
    clock.advance(30 * 24 * 3600 * 1000)
    expect((await refresh(app, issued.refresh_token)).body.errcode).toBe(42002)
  })

  it('should answer 42002 when refresh tokens were expired through the control API', async () => {
    const { app } = build()
    const issued = await tokens(app)
    await app.inject({ method: 'POST', url: '/__control/expire', payload: { what: 'oauth_refresh_token' } })
    expect((await refresh(app, issued.refresh_token)).body.errcode).toBe(42002)
  })

  it('should answer 41003 when refresh_token is missing', async () => {
    const { app } = build()
    expect((await refresh(app, undefined)).body.errcode).toBe(41003)
  })

  it('should answer 40002 when grant_type is not refresh_token', async () => {
    const { app } = build()
    const issued = await tokens(app)
    expect((await refresh(app, issued.refresh_token, { grant_type: 'authorization_code' })).body.errcode).toBe(40002)
  })

  it('should answer 40013 when the appid is wrong and 41002 when it is missing', async () => {
    const { app } = build()
    const issued = await tokens(app)
    expect((await refresh(app, issued.refresh_token, { appid: 'wx0000000000000000' })).body.errcode).toBe(40013)
    expect((await refresh(app, issued.refresh_token, { appid: undefined })).body.errcode).toBe(41002)
  })
})
