import { describe, expect, it } from 'vitest'
import type { MockWechat } from '../../src/app'
import { build, createClock, errmsgPattern, serverToken } from '../helper'

const ALICE = 'oAlice000000000000000000001'
const HOUR = 60 * 60 * 1000

/** Alice follows the account and just sent it a message (the 48-hour window is open). */
async function aliceInWindow(app: MockWechat, fields: Record<string, unknown> = {}) {
  await app.inject({ method: 'PUT', url: `/__control/users/${ALICE}`, payload: { subscribe: 1, ...fields } })
  await app.inject({ method: 'POST', url: '/__control/interaction', payload: { openid: ALICE } })
}

async function send(app: MockWechat, body: unknown, access_token?: string) {
  const token = access_token ?? await serverToken(app)
  const payload = typeof body === 'string' ? body : JSON.stringify(body)
  const response = await app.inject({ method: 'POST', url: `/cgi-bin/message/custom/send?access_token=${token}`, payload, headers: { 'content-type': 'application/json' } })
  return { response, body: response.json() as Record<string, unknown> }
}

const text = (content: unknown, touser = ALICE) => ({ touser, msgtype: 'text', text: { content } })
const news = (articles: unknown) => ({ touser: ALICE, msgtype: 'news', news: { articles } })
const article = { title: '苹果', description: '¥12.00', url: 'http://localhost:3000/product/1', picurl: 'http://localhost:3000/images/products/apple-1.svg' }
const messages = async (app: MockWechat) => (await app.inject({ url: '/__control/messages' })).json().messages as Array<Record<string, unknown>>

describe('POST /cgi-bin/message/custom/send', () => {
  it('should answer ok and record the message when the user interacted within 48 hours', async () => {
    const clock = createClock()
    const { app } = build({ clock })
    await aliceInWindow(app)
    clock.advance(47 * HOUR)
    const { response, body } = await send(app, text('您的订单已发货'))
    expect(response.headers['content-type']).toBe('application/json; encoding=utf-8')
    expect(body).toEqual({ errcode: 0, errmsg: 'ok' })
    expect(await messages(app)).toEqual([{ kind: 'custom', touser: ALICE, msgtype: 'text', body: text('您的订单已发货'), at: new Date(clock.now()).toISOString() }])
  })

  it('should answer 45015 and record nothing when the last interaction is over 48 hours old', async () => {
    const clock = createClock()
    const { app } = build({ clock })
    await aliceInWindow(app)
    clock.advance(48 * HOUR + 1)
    const { body } = await send(app, text('迟到的回复'))
    expect(body.errcode).toBe(45015)
    expect(body.errmsg).toMatch(errmsgPattern('response out of time limit or subscription is canceled'))
    expect(await messages(app)).toEqual([])
  })

  it('should answer 45015 when the user never interacted', async () => {
    const { app } = build()
    await app.inject({ method: 'PUT', url: `/__control/users/${ALICE}`, payload: { subscribe: 1 } })
    expect((await send(app, text('你好'))).body.errcode).toBe(45015)
  })

  it('should answer 45015 when the user no longer follows the account', async () => {
    const { app } = build()
    await aliceInWindow(app, { subscribe: 0 })
    expect((await send(app, text('你好'))).body.errcode).toBe(45015)
  })

  it('should open the window again from an interaction set in the past through the control API', async () => {
    const clock = createClock()
    const { app } = build({ clock })
    await aliceInWindow(app)
    const at = new Date(clock.now() - 49 * HOUR).toISOString()
    const set = await app.inject({ method: 'POST', url: '/__control/interaction', payload: { openid: ALICE, at } })
    expect(set.json()).toEqual({ openid: ALICE, kind: 'message', lastInteraction: at })
    expect((await send(app, text('你好'))).body.errcode).toBe(45015)
  })

  it('should answer 45047 to the sixth message after one user message, until the user writes again', async () => {
    const { app } = build()
    await aliceInWindow(app)
    for (let i = 1; i <= 5; i++)
      expect((await send(app, text(`第${i}条`))).body.errcode).toBe(0)
    const sixth = (await send(app, text('第6条'))).body
    expect(sixth.errcode).toBe(45047)
    expect(sixth.errmsg).toMatch(errmsgPattern('out of response count limit'))
    expect(await messages(app)).toHaveLength(5)
    await app.inject({ method: 'POST', url: '/__control/interaction', payload: { openid: ALICE } })
    expect((await send(app, text('第6条'))).body.errcode).toBe(0)
  })

  it('should allow 3 messages within a minute of an event (a menu tap), then 45047, and 45015 after the minute', async () => {
    const clock = createClock()
    const { app } = build({ clock })
    await app.inject({ method: 'PUT', url: `/__control/users/${ALICE}`, payload: { subscribe: 1 } })
    await app.inject({ method: 'POST', url: '/__control/interaction', payload: { openid: ALICE, kind: 'event' } })
    for (let i = 1; i <= 3; i++)
      expect((await send(app, text(`第${i}条`))).body.errcode).toBe(0)
    expect((await send(app, text('第4条'))).body.errcode).toBe(45047)
    clock.advance(60 * 1000 + 1)
    expect((await send(app, text('第4条'))).body.errcode).toBe(45015)
  })

  it('should spend an event\'s minute before a message\'s 48 hours when both are open', async () => {
    const clock = createClock()
    const { app } = build({ clock })
    await aliceInWindow(app)
    await app.inject({ method: 'POST', url: '/__control/interaction', payload: { openid: ALICE, kind: 'event' } })
    for (let i = 1; i <= 3; i++)
      await send(app, text(`第${i}条`))
    clock.advance(60 * 1000 + 1)
    // the three went against the event: the message's five are all left
    for (let i = 1; i <= 5; i++)
      expect((await send(app, text(`再${i}条`))).body.errcode).toBe(0)
    expect((await send(app, text('再6条'))).body.errcode).toBe(45047)
  })

  it.each([['unknown', 'oNobody00000000000000000001'], ['missing', undefined]])('should answer 40003 when touser is %s', async (_name, touser) => {
    const { app } = build()
    await aliceInWindow(app)
    const { body } = await send(app, { msgtype: 'text', text: { content: 'hi' }, ...(touser ? { touser } : {}) })
    expect(body.errcode).toBe(40003)
    expect(body.errmsg).toMatch(errmsgPattern('invalid openid'))
  })

  const refusals: Array<[string, unknown, number]> = [
    ['an unknown msgtype', { touser: ALICE, msgtype: 'sms', sms: { content: 'hi' } }, 40008],
    ['no msgtype', { touser: ALICE, text: { content: 'hi' } }, 40008],
    ['a text without its text object', { touser: ALICE, msgtype: 'text' }, 44004],
    ['an empty text', text(''), 44004],
    ['a text that is not a string', text(12), 44004],
    ['a text over 2048 bytes', text('好'.repeat(683)), 45002],
    ['a news message without articles', news([]), 44003],
    ['a news message with 2 articles', news([article, article]), 45008],
    ['a news article without title', news([{ ...article, title: '' }]), 44003],
    ['a news article with a url that is not a string', news([{ ...article, url: 1 }]), 47001],
    ['an image without media_id', { touser: ALICE, msgtype: 'image', image: {} }, 40007],
    ['a payload that is not an object', { touser: ALICE, msgtype: 'image', image: 'MEDIA' }, 47001],
  ]

  it.each(refusals)('should answer the errcode and record nothing when the body has %s', async (_name, body, errcode) => {
    const { app } = build()
    await aliceInWindow(app)
    expect((await send(app, body)).body.errcode).toBe(errcode)
    expect(await messages(app)).toEqual([])
  })

  it('should accept a text of exactly 2048 bytes and a news message with one article', async () => {
    const { app } = build()
    await aliceInWindow(app)
    expect((await send(app, text(`${'好'.repeat(682)}ab`))).body.errcode).toBe(0)
    expect((await send(app, news([article]))).body.errcode).toBe(0)
    expect((await messages(app)).map(m => m.msgtype)).toEqual(['news', 'text'])
  })

  it.each([['bad JSON', '{"touser":', 47001], ['an empty body', '', 44002]])('should answer the errcode with HTTP 200 when the body is %s', async (_name, payload, errcode) => {
    const { app } = build()
    const { response, body } = await send(app, payload)
    expect(response.statusCode).toBe(200)
    expect(body.errcode).toBe(errcode)
  })

  it.each([['missing', undefined, 41001], ['unknown', '87_unknown', 40001]])('should answer the errcode when the access_token is %s', async (_name, token, errcode) => {
    const { app } = build()
    await aliceInWindow(app)
    const query = token === undefined ? '' : `?access_token=${token}`
    const response = await app.inject({ method: 'POST', url: `/cgi-bin/message/custom/send${query}`, payload: text('hi') })
    expect(response.json().errcode).toBe(errcode)
  })

  it('should answer 42001 when the access_token expired', async () => {
    const clock = createClock()
    const { app } = build({ clock })
    await aliceInWindow(app)
    const token = await serverToken(app)
    await app.inject({ method: 'POST', url: '/__control/expire', payload: { what: 'access_token' } })
    expect((await send(app, text('hi'), token)).body.errcode).toBe(42001)
  })

  it('should fail on request through the control API and count the calls', async () => {
    const { app } = build()
    await aliceInWindow(app)
    await app.inject({ method: 'POST', url: '/__control/fail', payload: { path: '/cgi-bin/message/custom/send', errcode: 45047, errmsg: 'out of response count limit' } })
    expect((await send(app, text('hi'))).body).toMatchObject({ errcode: 45047 })
    expect(await messages(app)).toEqual([])
    expect((await app.inject({ url: '/__control/calls?path=/cgi-bin/message/custom/send' })).json().calls).toHaveLength(1)
  })
})

describe('GET /__control/messages and POST /__control/interaction', () => {
  it('should list the messages newest first', async () => {
    const clock = createClock()
    const { app } = build({ clock })
    await aliceInWindow(app)
    await send(app, text('第一条'))
    clock.advance(1000)
    await send(app, text('第二条'))
    expect((await messages(app)).map(m => (m.body as { text: { content: string } }).text.content)).toEqual(['第二条', '第一条'])
  })

  it('should forget the messages and the interactions on reset', async () => {
    const { app } = build()
    await aliceInWindow(app)
    await send(app, text('hi'))
    await app.inject({ method: 'POST', url: '/__control/reset', payload: {} })
    expect(await messages(app)).toEqual([])
    await app.inject({ method: 'PUT', url: `/__control/users/${ALICE}`, payload: { subscribe: 1 } })
    expect((await send(app, text('hi'))).body.errcode).toBe(45015)
  })

  it('should answer 404 when the user is unknown and 400 when at is not a date', async () => {
    const { app } = build()
    const unknown = await app.inject({ method: 'POST', url: '/__control/interaction', payload: { openid: ALICE } })
    expect(unknown.statusCode).toBe(404)
    expect(unknown.json().error.code).toBe('NOT_FOUND')
    await app.inject({ method: 'PUT', url: `/__control/users/${ALICE}`, payload: {} })
    const bad = await app.inject({ method: 'POST', url: '/__control/interaction', payload: { openid: ALICE, at: 'yesterday' } })
    expect(bad.statusCode).toBe(400)
  })
})
