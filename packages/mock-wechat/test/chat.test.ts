import { buildReply, parseMessageXml, type PushMessage } from '@wxshop/shared/wechat-message'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { buildMockWechat, type MockWechat } from '../src/app'
import { loadMockConfig } from '../src/config'
import { createClock, serverToken } from './helper'

// The chat page's own endpoints: the test plays the shop's message URL.

const ALICE = 'oAlice000000000000000000001'
const BOB = 'oBob00000000000000000000001'
const SAME_ORIGIN = { 'origin': 'http://127.0.0.1:3100', 'sec-fetch-site': 'same-origin', 'host': '127.0.0.1:3100' }

let server: Server
let pushes: PushMessage[]
let answer: (message: PushMessage) => string
let mock: MockWechat

beforeEach(async () => {
  pushes = []
  answer = () => 'success'
  server = createServer((req, res) => {
    let body = ''
    req.setEncoding('utf8')
    req.on('data', (chunk: string) => {
      body += chunk
    })
    req.on('end', () => {
      const message = parseMessageXml(body)
      pushes.push(message)
      res.writeHead(200, { 'content-type': 'text/xml' }).end(answer(message))
    })
  })
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  mock = buildMockWechat(loadMockConfig({ MOCK_WECHAT_MESSAGE_URL: `http://127.0.0.1:${port}/api/wechat/message` }), { now: createClock().now })
})

afterEach(async () => {
  await mock.close()
  server.closeAllConnections()
  await new Promise(resolve => server.close(resolve))
})

async function send(payload: unknown, headers: Record<string, string> = {}) {
  const response = await mock.inject({ method: 'POST', url: '/chat/api/send', payload: payload as Record<string, unknown>, headers })
  return { status: response.statusCode, body: response.json() }
}

const echo = (message: PushMessage) => buildReply(message, { type: 'text', content: `你说：${'content' in message ? message.content : message.kind}` })

describe('POST /chat/api/send', () => {
  it('should push the user\'s text to the app and answer the app\'s reply parsed when the user types', async () => {
    answer = echo
    const { status, body } = await send({ openid: ALICE, kind: 'text', content: '帮助' })
    expect(status).toBe(200)
    expect(pushes).toMatchObject([{ kind: 'text', fromUserName: ALICE, content: '帮助' }])
    expect(body).toMatchObject({ delivered: true, reply: { type: 'text', content: '你说：帮助', toUserName: ALICE } })
    expect(body.problem).toBeUndefined()
  })

  it('should answer a news reply with its articles so the page can draw the card', async () => {
    const article = { title: '蓝莓 125g', description: '¥19.90', picUrl: 'http://localhost:3000/p.svg', url: 'http://localhost:3000/product/3' }
    answer = message => buildReply(message, { type: 'news', articles: [article] })
    const { body } = await send({ openid: ALICE, kind: 'text', content: '蓝莓' })
    expect(body.reply).toMatchObject({ type: 'news', articles: [article] })
  })

  it('should answer neither reply nor problem when the app answers success', async () => {
    const { body } = await send({ openid: ALICE, kind: 'image' })
    expect(pushes[0]).toMatchObject({ kind: 'image', fromUserName: ALICE })
    expect(body).toEqual({ delivered: true })
  })

  it('should answer a problem when the app\'s answer is not one WeChat would show', async () => {
    answer = () => '<html>oops</html>'
    const { body } = await send({ openid: ALICE, kind: 'text', content: 'hi' })
    expect(body.reply).toBeUndefined()
    expect(body.problem).toEqual(expect.any(String))
  })

  it('should push a location, a menu click, a follow and an unfollow as WeChat does', async () => {
    await send({ openid: ALICE, kind: 'location', latitude: 39.9, longitude: 116.4, label: '天安门' })
    await send({ openid: ALICE, kind: 'click', eventKey: 'HOT' })
    await send({ openid: ALICE, kind: 'unsubscribe' })
    await send({ openid: ALICE, kind: 'subscribe' })
    expect(pushes).toMatchObject([
      { kind: 'location', locationX: 39.9, locationY: 116.4, label: '天安门' },
      { kind: 'click', eventKey: 'HOT' },
      { kind: 'unsubscribe' },
      { kind: 'subscribe' },
    ])
  })

  it('should refuse with 409 and push nothing when the persona does not follow the account', async () => {
    const persona = (await mock.inject({ method: 'POST', url: '/chat/api/persona', payload: {} })).json() as { openid: string }
    const refused = await send({ openid: persona.openid, kind: 'text', content: 'hi' })
    expect(refused.status).toBe(409)
    expect(pushes).toEqual([])
    await send({ openid: persona.openid, kind: 'subscribe' })
    expect((await send({ openid: persona.openid, kind: 'text', content: 'hi' })).status).toBe(200)
    expect(pushes.map(p => p.kind)).toEqual(['subscribe', 'text'])
  })

  it.each([
    ['no openid', { kind: 'text', content: 'hi' }],
    ['an unknown kind', { openid: ALICE, kind: 'voice' }],
    ['an empty text', { openid: ALICE, kind: 'text', content: '' }],
    ['an unknown property', { openid: ALICE, kind: 'text', content: 'hi', msgId: '1' }],
    ['a latitude off the globe', { openid: ALICE, kind: 'location', latitude: 91, longitude: 0, label: 'x' }],
  ])('should answer 400 and push nothing when the body has %s', async (_name, payload) => {
    const { status, body } = await send(payload)
    expect(status).toBe(400)
    expect(body.error.code).toEqual(expect.any(String))
    expect(pushes).toEqual([])
  })

  it('should refuse a push another site\'s page asks for, and a body that is not JSON', async () => {
    const crossSite = await send({ openid: ALICE, kind: 'text', content: 'hi' }, { 'origin': 'http://evil.example', 'sec-fetch-site': 'cross-site' })
    expect(crossSite.status).toBe(403)
    const form = await mock.inject({ method: 'POST', url: '/chat/api/send', payload: 'openid=x', headers: { 'content-type': 'application/x-www-form-urlencoded' } })
    expect(form.statusCode).toBe(415)
    expect(pushes).toEqual([])
    // the page itself, on the mock's origin, may
    expect((await send({ openid: ALICE, kind: 'text', content: 'hi' }, SAME_ORIGIN)).status).toBe(200)
  })
})

describe('GET /chat/api/messages', () => {
  async function customSend(touser: string, content: string) {
    const token = await serverToken(mock)
    const response = await mock.inject({ method: 'POST', url: `/cgi-bin/message/custom/send?access_token=${token}`, payload: { touser, msgtype: 'text', text: { content } } })
    expect(response.json().errcode).toBe(0)
  }

  it('should list the customer-service messages sent to that openid only, oldest first', async () => {
    await send({ openid: ALICE, kind: 'text', content: 'hi' })
    await send({ openid: BOB, kind: 'text', content: 'hi' })
    await customSend(ALICE, '您的订单已发货')
    await customSend(BOB, '给 Bob')
    await customSend(ALICE, '已签收')
    const response = await mock.inject({ url: `/chat/api/messages?openid=${ALICE}` })
    expect(response.statusCode).toBe(200)
    expect(response.json().messages.map((m: { body: { text: { content: string } } }) => m.body.text.content)).toEqual(['您的订单已发货', '已签收'])
  })

  it('should answer 400 without an openid and 403 to another site\'s page', async () => {
    expect((await mock.inject({ url: '/chat/api/messages' })).statusCode).toBe(400)
    expect((await mock.inject({ url: `/chat/api/messages?openid=${ALICE}`, headers: { 'origin': 'http://evil.example', 'sec-fetch-site': 'cross-site' } })).statusCode).toBe(403)
  })
})

describe('GET /chat', () => {
  it('should serve the conversation with the account\'s name, the persona and the menu as data, and a CSP without inline script', async () => {
    const token = await serverToken(mock)
    await mock.inject({ method: 'POST', url: `/cgi-bin/menu/create?access_token=${token}`, payload: { button: [{ type: 'click', name: '今日推荐', key: 'HOT' }] } })
    await send({ openid: ALICE, kind: 'subscribe' })
    const response = await mock.inject({ url: `/chat?openid=${ALICE}` })
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8')
    expect(response.headers['content-security-policy']).toContain('script-src \'self\'')
    const data = JSON.parse(/<script type="application\/json" id="chat-data">(.*?)<\/script>/s.exec(response.body)![1]!)
    expect(data).toMatchObject({ accountName: '微选好物', persona: { openid: ALICE, subscribe: 1 }, menu: { button: [{ name: '今日推荐', key: 'HOT' }] } })
    expect(response.body).toContain('<script src="/chat/chat.js"></script>')
    expect((await mock.inject({ url: '/chat/chat.js' })).headers['content-type']).toBe('application/javascript; charset=utf-8')
  })

  it('should keep the page data inside its script element when a nickname holds markup', async () => {
    await mock.inject({ method: 'PUT', url: `/__control/users/${ALICE}`, payload: { nickname: '</script><script>alert(1)</script>' } })
    const response = await mock.inject({ url: `/chat?openid=${ALICE}` })
    expect(response.body).not.toContain('<script>alert(1)')
    const data = JSON.parse(/id="chat-data">(.*?)<\/script>/s.exec(response.body)![1]!)
    expect(data.persona.nickname).toBe('</script><script>alert(1)</script>')
  })
})
