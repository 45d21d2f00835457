import { describe, expect, it } from 'vitest'
import type { MockWechat } from '../../src/app'
import { baseCode, build, createClock, errmsgPattern, exchange, serverToken, sns } from '../helper'

const ALICE = 'oAlice000000000000000000001'

async function defineUser(app: MockWechat, fields: Record<string, unknown>) {
  await app.inject({ method: 'PUT', url: `/__control/users/${ALICE}`, payload: { nickname: 'Alice', sex: 2, country: '中国', province: '广东', city: '深圳', ...fields } })
}

const userInfo = async (app: MockWechat, query: Record<string, string | undefined>) => sns(app, '/cgi-bin/user/info', { lang: 'zh_CN', ...query })

describe('GET /cgi-bin/user/info', () => {
  it('should answer the follow state and the fields WeChat still gives, without nickname or region, when the user follows', async () => {
    const clock = createClock()
    const { app } = build({ clock })
    await defineUser(app, { subscribe: 1, unionid: 'oUnionAlice000000000000001' })
    const { response, body } = await userInfo(app, { access_token: await serverToken(app), openid: ALICE })
    expect(response.headers['content-type']).toBe('application/json; encoding=utf-8')
    expect(body).toEqual({
      subscribe: 1,
      openid: ALICE,
      language: 'zh_CN',
      subscribe_time: Math.floor(clock.now() / 1000),
      unionid: 'oUnionAlice000000000000001',
      remark: '',
      groupid: 0,
      tagid_list: [],
      subscribe_scene: 'ADD_SCENE_OTHERS',
      qr_scene: 0,
      qr_scene_str: '',
    })
  })

  it('should answer only subscribe 0 and the openid when the user does not follow', async () => {
    const { app } = build()
    await defineUser(app, { subscribe: 0, unionid: 'oUnionAlice000000000000001' })
    expect((await userInfo(app, { access_token: await serverToken(app), openid: ALICE })).body).toEqual({ subscribe: 0, openid: ALICE })
  })

  it('should follow the persona when the control API changes subscribe', async () => {
    const { app } = build()
    await defineUser(app, { subscribe: 0 })
    const access_token = await serverToken(app)
    await defineUser(app, { subscribe: 1 })
    expect((await userInfo(app, { access_token, openid: ALICE })).body.subscribe).toBe(1)
  })

  it.each([['unknown', 'oNobody00000000000000000001'], ['missing', undefined]])('should answer 40003 when the openid is %s', async (_name, openid) => {
    const { app } = build()
    const { body } = await userInfo(app, { access_token: await serverToken(app), openid })
    expect(body.errcode).toBe(40003)
    expect(body.errmsg).toMatch(errmsgPattern('invalid openid'))
  })

  it('should answer 40001 when called with a user\'s OAuth access_token', async () => {
    const { app } = build()
    const { access_token, openid } = (await exchange(app, await baseCode(app))).body as Record<string, string>
    expect((await userInfo(app, { access_token, openid })).body.errcode).toBe(40001)
  })

  it('should answer 42001 when the server token was expired through the control API', async () => {
    const { app } = build()
    await defineUser(app, { subscribe: 1 })
    const access_token = await serverToken(app)
    await app.inject({ method: 'POST', url: '/__control/expire', payload: { what: 'access_token' } })
    expect((await userInfo(app, { access_token, openid: ALICE })).body.errcode).toBe(42001)
  })
})
