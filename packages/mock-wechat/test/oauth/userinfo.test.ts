import { describe, expect, it } from 'vitest'
import type { MockWechat } from '../../src/app'
import { baseCode, build, errmsgPattern, exchange, sns, userinfoCode } from '../helper'

const profile = { nickname: '小明', sex: 1, country: '中国', province: '广东', city: '深圳', unionid: 'oUnionIdOfUser01' }

async function userinfoToken(app: MockWechat) {
  await app.inject({ method: 'PUT', url: '/__control/users/oProfileUser001', payload: profile })
  return (await exchange(app, await userinfoCode(app, { openid: 'oProfileUser001' }))).body as { access_token: string, openid: string }
}

function userinfo(app: MockWechat, query: Record<string, string | undefined>) {
  return sns(app, '/sns/userinfo', query)
}

describe('GET /sns/userinfo', () => {
  it('should answer the profile without sex and region, as WeChat has since 2021-10-20', async () => {
    const { app } = build()
    const { access_token, openid } = await userinfoToken(app)
    const { response, body } = await userinfo(app, { access_token, openid, lang: 'zh_CN' })
    expect(response.headers['content-type']).toBe('text/plain')
    expect(body).toEqual({
      openid: 'oProfileUser001',
      nickname: '小明',
      sex: 0,
      province: '',
      city: '',
      country: '',
      headimgurl: 'http://localhost:80/avatars/oProfileUser001.svg',
      privilege: [],
      unionid: 'oUnionIdOfUser01',
    })
  })

  it.each([
    ['zh_CN', { country: '中国', province: '广东', city: '深圳' }],
    ['zh_TW', { country: '中國', province: '廣東', city: '深圳' }],
    ['en', { country: 'China', province: 'Guangdong', city: 'Shenzhen' }],
    [undefined, { country: '中国', province: '广东', city: '深圳' }],
  ])('should name the region in lang %s when MOCK_WECHAT_USERINFO_REGION is legacy', async (lang, region) => {
    const { app } = build({ env: { MOCK_WECHAT_USERINFO_REGION: 'legacy' } })
    const { access_token, openid } = await userinfoToken(app)
    const { body } = await userinfo(app, { access_token, openid, lang })
    expect(body).toMatchObject({ sex: 1, ...region })
  })

  it('should answer the persona\'s own headimgurl when one was defined', async () => {
    const { app } = build()
    await app.inject({ method: 'PUT', url: '/__control/users/oProfileUser001', payload: { headimgurl: 'http://127.0.0.1:3100/avatars/x.svg' } })
    const { access_token, openid } = await userinfoToken(app)
    expect((await userinfo(app, { access_token, openid })).body.headimgurl).toBe('http://127.0.0.1:3100/avatars/x.svg')
  })

  it('should answer 48001 when the token\'s scope is snsapi_base', async () => {
    const { app } = build()
    const { access_token, openid } = (await exchange(app, await baseCode(app))).body as { access_token: string, openid: string }
    const { body } = await userinfo(app, { access_token, openid })
    expect(body.errcode).toBe(48001)
    expect(body.errmsg).toMatch(errmsgPattern('api unauthorized'))
  })

  it('should answer 40001 when the access_token is unknown', async () => {
    const { app } = build()
    const { body } = await userinfo(app, { access_token: '86_nope', openid: 'oProfileUser001' })
    expect(body.errcode).toBe(40001)
    expect(body.errmsg).toMatch(errmsgPattern('invalid credential, access_token is invalid or not latest'))
  })

  it('should answer 42001 when the access_token is older than 7200 s', async () => {
    const { app, clock } = build()
    const { access_token, openid } = await userinfoToken(app)
    clock.advance(7200 * 1000)
    const { body } = await userinfo(app, { access_token, openid })
    expect(body.errcode).toBe(42001)
    expect(body.errmsg).toMatch(errmsgPattern('access_token expired'))
  })

  it('should answer 42001 when the users\' OAuth tokens were expired through the control API', async () => {
    const { app } = build()
    const { access_token, openid } = await userinfoToken(app)
    expect((await app.inject({ method: 'POST', url: '/__control/expire', payload: { what: 'oauth_access_token' } })).json()).toEqual({ what: 'oauth_access_token', expired: 1 })
    expect((await userinfo(app, { access_token, openid })).body.errcode).toBe(42001)
  })

  it('should answer 40003 when the openid is not the token\'s user', async () => {
    const { app } = build()
    const { access_token } = await userinfoToken(app)
    expect((await userinfo(app, { access_token, openid: 'oSomebodyElse01' })).body.errcode).toBe(40003)
  })

  it('should answer 41001 without access_token and 41009 without openid', async () => {
    const { app } = build()
    const { access_token, openid } = await userinfoToken(app)
    expect((await userinfo(app, { openid })).body.errcode).toBe(41001)
    expect((await userinfo(app, { access_token })).body.errcode).toBe(41009)
  })
})

describe('GET /sns/auth', () => {
  it('should answer errcode 0 and ok without a rid when the token is valid for that openid', async () => {
    const { app } = build()
    const { access_token, openid } = await userinfoToken(app)
    const { response, body } = await sns(app, '/sns/auth', { access_token, openid })
    expect(response.headers['content-type']).toBe('text/plain')
    expect(body).toEqual({ errcode: 0, errmsg: 'ok' })
  })

  it('should answer 40003 when the openid does not match', async () => {
    const { app } = build()
    const { access_token } = await userinfoToken(app)
    const { body } = await sns(app, '/sns/auth', { access_token, openid: 'oSomebodyElse01' })
    expect(body.errcode).toBe(40003)
    expect(body.errmsg).toMatch(errmsgPattern('invalid openid'))
  })

  it('should answer 42001 when the token has expired', async () => {
    const { app, clock } = build()
    const { access_token, openid } = await userinfoToken(app)
    clock.advance(7200 * 1000)
    expect((await sns(app, '/sns/auth', { access_token, openid })).body.errcode).toBe(42001)
  })

  it('should answer 40001 when the token is unknown', async () => {
    const { app } = build()
    expect((await sns(app, '/sns/auth', { access_token: '86_nope', openid: 'oProfileUser001' })).body.errcode).toBe(40001)
  })
})
