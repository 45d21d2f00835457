import { describe, expect, it } from 'vitest'
import { baseCode, build, errmsgPattern, exchange, SECRET, userinfoCode } from '../helper'

describe('GET /sns/oauth2/access_token', () => {
  it('should answer the user\'s tokens as text/plain JSON when the code is fresh', async () => {
    const { app } = build()
    const code = await baseCode(app)
    const { response, body } = await exchange(app, code)
    expect(response.statusCode).toBe(200)
    expect(response.headers['content-type']).toBe('text/plain')
    expect(Object.keys(body)).toEqual(['access_token', 'expires_in', 'refresh_token', 'openid', 'scope'])
    expect(body).toMatchObject({ expires_in: 7200, scope: 'snsapi_base' })
    expect(body.access_token).not.toBe(body.refresh_token)
  })

  it('should answer 40163 when a code is used twice', async () => {
    const { app } = build()
    const code = await baseCode(app)
    await exchange(app, code)
    const { response, body } = await exchange(app, code)
    expect(response.statusCode).toBe(200)
    expect(body.errcode).toBe(40163)
    expect(body.errmsg).toMatch(errmsgPattern('code been used'))
  })

  it('should answer 40029 when the code is unknown', async () => {
    const { app } = build()
    const { body } = await exchange(app, 'A'.repeat(32))
    expect(body.errcode).toBe(40029)
    expect(body.errmsg).toMatch(errmsgPattern('invalid code'))
  })

  it('should answer 40029 when the code is older than 5 minutes', async () => {
    const { app, clock } = build()
    const code = await baseCode(app)
    clock.advance(5 * 60 * 1000)
    expect((await exchange(app, code)).body.errcode).toBe(40029)
  })

  it('should accept a code just before its 5 minutes are up', async () => {
    const { app, clock } = build()
    const code = await baseCode(app)
    clock.advance(5 * 60 * 1000 - 1)
    expect((await exchange(app, code)).body.access_token).toBeDefined()
  })

  it('should answer 40029 when the codes were expired through the control API', async () => {
    const { app } = build()
    const code = await baseCode(app)
    const expired = await app.inject({ method: 'POST', url: '/__control/expire', payload: { what: 'codes' } })
    expect(expired.json()).toEqual({ what: 'codes', expired: 1 })
    expect((await exchange(app, code)).body.errcode).toBe(40029)
  })

  it('should answer 40013 when the appid is wrong', async () => {
    const { app } = build()
    const { body } = await exchange(app, await baseCode(app), { appid: 'wx0000000000000000' })
    expect(body.errcode).toBe(40013)
    expect(body.errmsg).toMatch(errmsgPattern('invalid appid'))
  })

  it('should answer 40125 when the secret is wrong', async () => {
    const { app } = build()
    const { body } = await exchange(app, await baseCode(app), { secret: SECRET.replace('3', '4') })
    expect(body.errcode).toBe(40125)
    expect(body.errmsg).toMatch(errmsgPattern('invalid appsecret'))
  })

  it('should not use up the code when the request is refused for another reason', async () => {
    const { app } = build()
    const code = await baseCode(app)
    await exchange(app, code, { secret: 'wrong' })
    expect((await exchange(app, code)).body.access_token).toBeDefined()
  })

  it.each([
    ['appid', 41002, 'appid missing'],
    ['secret', 41004, 'appsecret missing'],
    ['code', 41008, 'missing code'],
  ])('should answer the missing-parameter errcode when %s is absent', async (name, errcode, errmsg) => {
    const { app } = build()
    const { body } = await exchange(app, await baseCode(app), { [name]: undefined })
    expect(body.errcode).toBe(errcode)
    expect(body.errmsg).toMatch(errmsgPattern(errmsg))
  })

  it('should answer 40002 when grant_type is not authorization_code', async () => {
    const { app } = build()
    expect((await exchange(app, await baseCode(app), { grant_type: 'client_credential' })).body.errcode).toBe(40002)
  })

  it('should add the unionid when the scope is snsapi_userinfo and the user has one', async () => {
    const { app } = build()
    await app.inject({ method: 'PUT', url: '/__control/users/oUnionUser00001', payload: { unionid: 'oUnionIdOfUser01' } })
    const { body } = await exchange(app, await userinfoCode(app, { openid: 'oUnionUser00001' }))
    expect(body).toMatchObject({ openid: 'oUnionUser00001', scope: 'snsapi_userinfo', unionid: 'oUnionIdOfUser01' })
    expect(body.is_snapshotuser).toBeUndefined()
  })

  it('should leave the unionid out when the scope is snsapi_base', async () => {
    const { app } = build()
    await app.inject({ method: 'PUT', url: '/__control/users/oUnionUser00001', payload: { unionid: 'oUnionIdOfUser01' } })
    await app.inject({ method: 'POST', url: '/__control/next-login', payload: { openid: 'oUnionUser00001' } })
    expect((await exchange(app, await baseCode(app))).body.unionid).toBeUndefined()
  })
})
