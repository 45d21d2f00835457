import { describe, expect, it } from 'vitest'
import type { MockWechat } from '../../src/app'
import { build, errmsgPattern, serverToken } from '../helper'

const ALICE = 'oAlice000000000000000000001'
const TEMPLATE = 'wxshopMockTplOrderPaid0000000001'

async function send(app: MockWechat, body: unknown, accessToken?: string) {
  const token = accessToken ?? await serverToken(app)
  const payload = typeof body === 'string' ? body : JSON.stringify(body)
  const response = await app.inject({ method: 'POST', url: `/cgi-bin/message/template/send?access_token=${token}`, payload, headers: { 'content-type': 'application/json' } })
  return response.json() as Record<string, unknown>
}

const orderPaid = (overrides: Record<string, unknown> = {}) => ({
  touser: ALICE,
  template_id: TEMPLATE,
  url: 'http://localhost:3000/orders/1',
  data: {
    character_string1: { value: 'WX20261130000001' },
    amount2: { value: '39.90元', color: '#173177' },
    thing3: { value: '苹果 等2件' },
    time4: { value: '2026-11-30 15:30:00' },
  },
  ...overrides,
})

async function follower(app: MockWechat, subscribe: 0 | 1 = 1) {
  await app.inject({ method: 'PUT', url: `/__control/users/${ALICE}`, payload: { subscribe } })
}

const messages = async (app: MockWechat) => (await app.inject({ url: '/__control/messages' })).json().messages as Array<Record<string, unknown>>

describe('POST /cgi-bin/message/template/send', () => {
  it('should answer ok with a msgid and record the message as a template message', async () => {
    const { app, clock } = build()
    await follower(app)
    const body = await send(app, orderPaid())
    expect(body).toEqual({ errcode: 0, errmsg: 'ok', msgid: expect.any(Number) })
    expect(await messages(app)).toEqual([{ kind: 'template', touser: ALICE, msgtype: 'template', body: orderPaid(), at: new Date(clock.now()).toISOString() }])
  })

  it('should answer 40001 for a bad access_token, before looking at the body', async () => {
    const { app } = build()
    expect((await send(app, orderPaid(), 'nope')).errcode).toBe(40001)
  })

  it('should answer 40003 for an openid the account does not know', async () => {
    const { app } = build()
    const body = await send(app, orderPaid({ touser: 'oNobody00000000000000000001' }))
    expect(body.errcode).toBe(40003)
    expect(body.errmsg).toMatch(errmsgPattern('invalid openid'))
  })

  it('should answer 40037 for a template the account has not added', async () => {
    const { app } = build()
    await follower(app)
    const body = await send(app, orderPaid({ template_id: 'wxshopMockTplSomethingElse00001' }))
    expect(body.errcode).toBe(40037)
    expect(await messages(app)).toEqual([])
  })

  it('should answer 43004 require subscribe for a user who does not follow the account', async () => {
    const { app } = build()
    await follower(app, 0)
    const body = await send(app, orderPaid())
    expect(body.errcode).toBe(43004)
    expect(body.errmsg).toMatch(errmsgPattern('require subscribe'))
    expect(await messages(app)).toEqual([])
  })

  it.each([
    ['a value that is a number', { amount2: { value: 39.9 } }],
    ['a keyword that is a string', { amount2: '39.90元' }],
  ])('should answer 47001 for data with %s', async (_name, data) => {
    const { app } = build()
    await follower(app)
    expect((await send(app, orderPaid({ data }))).errcode).toBe(47001)
  })

  it('should answer 47001 for a body that is not JSON', async () => {
    const { app } = build()
    await follower(app)
    expect((await send(app, 'touser=x')).errcode).toBe(47001)
  })
})
