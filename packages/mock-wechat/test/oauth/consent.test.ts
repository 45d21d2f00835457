import { describe, expect, it } from 'vitest'
import type { MockWechat } from '../../src/app'
import { authorize, build, exchange, location, personaCookieOf, sns } from '../helper'

function ticketOf(body: string): string {
  return /name="ticket" value="([0-9a-f]+)"/.exec(body)![1]!
}

async function reply(app: MockWechat, form: Record<string, string>, cookie?: string) {
  return app.inject({
    method: 'POST',
    url: '/connect/oauth2/authorize_reply',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...(cookie ? { cookie } : {}) },
    payload: new URLSearchParams(form).toString(),
  })
}

async function openConsentPage(app: MockWechat, cookie?: string) {
  const page = await authorize(app, { scope: 'snsapi_userinfo', state: 'st' }, cookie ? { cookie } : {})
  return { page, ticket: ticketOf(page.body), cookie: personaCookieOf(page) }
}

describe('GET /connect/oauth2/authorize — snsapi_userinfo consent page', () => {
  it('should show the account and WeChat\'s permission text when the scope is snsapi_userinfo', async () => {
    const { app } = build({ env: { MOCK_WECHAT_ACCOUNT_NAME: '测试小店' } })
    const { page } = await openConsentPage(app)
    expect(page.statusCode).toBe(200)
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8')
    expect(page.body).toContain('<h1 class="account__name">测试小店</h1>')
    expect(page.body).toContain('申请获取以下权限：')
    expect(page.body).toContain('获得你的公开信息（昵称、头像、地区及性别）')
    expect(page.body).toMatch(/<button[^>]*value="allow">允许<\/button>/)
    expect(page.body).toMatch(/<button[^>]*value="deny">拒绝<\/button>/)
    expect(page.body).toMatch(/<button[^>]*value="snapshot">仅浏览（快照模式）<\/button>/)
  })

  it('should list the existing personas and 新用户 in the 切换用户 picker', async () => {
    const { app } = build()
    await app.inject({ method: 'PUT', url: '/__control/users/oPersonaAlice01', payload: { nickname: '<Alice>' } })
    const { page, cookie } = await openConsentPage(app)
    expect(page.body).toContain('切换用户')
    expect(page.body).toContain('&lt;Alice&gt;')
    expect(page.body).toContain('value="oPersonaAlice01"')
    expect(page.body).toContain(`value="${cookie.split('=')[1]}" checked`)
    expect(page.body).toContain('新用户')
  })

  it('should redirect back with code and state when the user taps 允许', async () => {
    const { app } = build()
    const { ticket, cookie } = await openConsentPage(app)
    const response = await reply(app, { ticket, action: 'allow' }, cookie)
    expect(response.statusCode).toBe(302)
    const back = location(response)
    expect(back.searchParams.get('state')).toBe('st')
    const { body } = await exchange(app, back.searchParams.get('code')!)
    expect(body).toMatchObject({ scope: 'snsapi_userinfo', openid: cookie.split('=')[1] })
  })

  it('should redirect back with state only when the user taps 拒绝', async () => {
    const { app } = build()
    const { ticket, cookie } = await openConsentPage(app)
    const response = await reply(app, { ticket, action: 'deny' }, cookie)
    expect(response.headers.location).toBe('http://localhost:3000/auth/callback?state=st')
  })

  it('should give a virtual snapshot identity when the user picks 仅浏览（快照模式）', async () => {
    const { app } = build()
    const { ticket, cookie } = await openConsentPage(app)
    const back = location(await reply(app, { ticket, action: 'snapshot' }, cookie))
    const { body } = await exchange(app, back.searchParams.get('code')!)
    expect(body).toMatchObject({ is_snapshotuser: 1, scope: 'snsapi_base' })
    expect(body.openid).toMatch(/^o[A-Za-z0-9_-]{27}$/)
    expect(body.openid).not.toBe(cookie.split('=')[1])
    const info = await sns(app, '/sns/userinfo', { access_token: body.access_token as string, openid: body.openid as string })
    expect(info.body.errcode).toBe(48001)
  })

  it('should act as the persona picked in 切换用户 and remember it in the cookie', async () => {
    const { app } = build()
    await app.inject({ method: 'PUT', url: '/__control/users/oPersonaAlice01', payload: { nickname: 'Alice' } })
    const { ticket, cookie } = await openConsentPage(app)
    const response = await reply(app, { ticket, action: 'allow', persona: 'oPersonaAlice01' }, cookie)
    expect(personaCookieOf(response)).toBe('mockwx_user=oPersonaAlice01')
    expect((await exchange(app, location(response).searchParams.get('code')!)).body.openid).toBe('oPersonaAlice01')
  })

  it('should create a new WeChat user when 新用户 is picked', async () => {
    const { app } = build()
    const { ticket, cookie } = await openConsentPage(app)
    const response = await reply(app, { ticket, action: 'allow', persona: 'new' }, cookie)
    const { body } = await exchange(app, location(response).searchParams.get('code')!)
    expect(body.openid).not.toBe(cookie.split('=')[1])
    expect(personaCookieOf(response)).toBe(`mockwx_user=${body.openid}`)
    expect((await app.inject({ url: '/__control/users' })).json().users).toHaveLength(2)
  })

  it('should refuse a consent page that was already answered', async () => {
    const { app } = build()
    const { ticket, cookie } = await openConsentPage(app)
    await reply(app, { ticket, action: 'allow' }, cookie)
    const again = await reply(app, { ticket, action: 'allow' }, cookie)
    expect(again.statusCode).toBe(200)
    expect(again.body).toContain('Oops! Something went wrong:(')
    expect(again.headers.location).toBeUndefined()
  })

  it('should refuse a consent page left open longer than 30 minutes', async () => {
    const { app, clock } = build()
    const { ticket, cookie } = await openConsentPage(app)
    clock.advance(30 * 60 * 1000 + 1)
    expect((await reply(app, { ticket, action: 'allow' }, cookie)).body).toContain('页面已失效')
  })

  it('should answer 400 when the form\'s action is unknown', async () => {
    const { app } = build()
    const { ticket } = await openConsentPage(app)
    expect((await reply(app, { ticket, action: 'maybe' })).statusCode).toBe(400)
  })

  it('should show the consent page again when the same user returns (no remembered consent)', async () => {
    const { app } = build()
    const { ticket, cookie } = await openConsentPage(app)
    await reply(app, { ticket, action: 'allow' }, cookie)
    const { page } = await openConsentPage(app, cookie)
    expect(page.statusCode).toBe(200)
    expect(page.body).toContain('允许')
  })
})

describe('POST /__control/next-login consent', () => {
  async function visitWith(app: MockWechat, login: object) {
    await app.inject({ method: 'POST', url: '/__control/next-login', payload: login })
    return authorize(app, { scope: 'snsapi_userinfo', state: 'st' })
  }

  it('should skip the page and allow when next-login says allow', async () => {
    const { app } = build()
    const response = await visitWith(app, { openid: 'oNextLoginUser01', consent: 'allow' })
    expect(response.statusCode).toBe(302)
    expect((await exchange(app, location(response).searchParams.get('code')!)).body).toMatchObject({ openid: 'oNextLoginUser01', scope: 'snsapi_userinfo' })
  })

  it('should skip the page and refuse when next-login says deny', async () => {
    const { app } = build()
    const response = await visitWith(app, { consent: 'deny' })
    expect(response.headers.location).toBe('http://localhost:3000/auth/callback?state=st')
  })

  it('should skip the page and open the snapshot page when next-login says snapshot', async () => {
    const { app } = build()
    const response = await visitWith(app, { openid: 'oNextLoginUser01', consent: 'snapshot' })
    const { body } = await exchange(app, location(response).searchParams.get('code')!)
    expect(body).toMatchObject({ is_snapshotuser: 1, scope: 'snsapi_base' })
    expect(body.openid).not.toBe('oNextLoginUser01')
    expect(body.unionid).toBeUndefined()
  })

  it('should show the page again on the visit after the one next-login decided', async () => {
    const { app } = build()
    await visitWith(app, { consent: 'allow' })
    expect((await authorize(app, { scope: 'snsapi_userinfo' })).statusCode).toBe(200)
  })
})
