import {
  buildReply, computeMsgSignature, isValidSignature, type MessageAccount, openEncryptedPush, parseMessageXml,
  parseXmlDocument, sealReply, type TextMessage,
} from '@wxshop/shared/wechat-message'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { buildMockWechat, type MockWechat } from '../../src/app'
import { loadMockConfig, type MockWechatConfig } from '../../src/config'
import { createClock, serverToken } from '../helper'

const ALICE = 'oAlice000000000000000000001'

interface Received { query: URLSearchParams, contentType?: string, body: string }
interface Response { status: number, headers?: Record<string, string>, body: string }
type Answer = (request: Received) => string | Response | Promise<string | Response>

let server: Server
let received: Received[]
let answer: Answer
let mock: MockWechat
let config: MockWechatConfig
let account: MessageAccount

beforeEach(async () => {
  received = []
  answer = () => 'success'
  // the shop's message endpoint, played by the test
  server = createServer((req: IncomingMessage, res: ServerResponse) => {
    let body = ''
    req.setEncoding('utf8')
    req.on('data', (chunk: string) => {
      body += chunk
    })
    req.on('end', () => {
      const request = { query: new URL(req.url!, 'http://app').searchParams, contentType: req.headers['content-type'], body }
      received.push(request)
      void new Promise<string | Response>(resolve => resolve(answer(request))).then((result) => {
        const { status, headers, body } = typeof result === 'string' ? { status: 200, headers: {}, body: result } : result
        res.writeHead(status, { 'content-type': 'text/xml', ...headers }).end(body)
      }, () => res.destroy())
    })
  })
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  config = loadMockConfig({ MOCK_WECHAT_MESSAGE_URL: `http://127.0.0.1:${port}/api/wechat/message` })
  account = { token: config.token, encodingAesKey: config.encodingAesKey, appId: config.appId }
  mock = buildMockWechat(config, { now: createClock().now })
})

afterEach(async () => {
  await mock.close()
  server.closeAllConnections()
  await new Promise(resolve => server.close(resolve))
})

async function push(payload: Record<string, unknown>) {
  const response = await mock.inject({ method: 'POST', url: '/__control/push', payload })
  return { status: response.statusCode, body: response.json() }
}

const text = (content = '你好', from = ALICE) => ({ fields: { kind: 'text', fromUserName: from, content } })

/** The push the app received, decrypted when encrypted (checked with shared, as the API does). */
function pushedMessage(request: Received): TextMessage {
  const fields = parseXmlDocument(request.body)
  const xml = request.query.get('encrypt_type') === 'aes'
    ? openEncryptedPush({ fields, timestamp: request.query.get('timestamp')!, nonce: request.query.get('nonce')!, msgSignature: request.query.get('msg_signature') }, account)
    : request.body
  return parseMessageXml(xml) as TextMessage
}

function textReply(request: Received, content: string): string {
  const message = pushedMessage(request)
  return buildReply({ toUserName: message.toUserName, fromUserName: message.fromUserName }, { type: 'text', content })
}

describe('POST /__control/push', () => {
  it('should sign a plaintext push like WeChat and return the app\'s text reply parsed when the mode is plain', async () => {
    answer = request => textReply(request, '收到')
    const { status, body } = await push(text())
    expect(status).toBe(200)
    const [request] = received
    const query = Object.fromEntries(request!.query)
    expect(isValidSignature(config.token, { timestamp: query.timestamp!, nonce: query.nonce!, signature: query.signature })).toBe(true)
    expect(query.openid).toBe(ALICE)
    expect(query.encrypt_type).toBeUndefined()
    expect(request!.contentType).toBe('text/xml')
    expect(pushedMessage(request!)).toMatchObject({ kind: 'text', toUserName: config.originalId, fromUserName: ALICE, content: '你好', msgId: expect.stringMatching(/^\d{19}$/) })
    expect(body).toMatchObject({ mode: 'plain', delivered: true, tries: [{ status: 200 }] })
    expect(body.answer).toMatchObject({ success: false, empty: false, sealed: false, reply: { type: 'text', content: '收到', toUserName: ALICE, fromUserName: config.originalId } })
    expect(body.answer.problem).toBeUndefined()
  })

  it('should send only ToUserName and Encrypt, decrypting to the message, when the mode is safe', async () => {
    const { body } = await push({ ...text('加密的'), mode: 'safe' })
    const [request] = received
    expect(request!.query.get('encrypt_type')).toBe('aes')
    expect(Object.keys(parseXmlDocument(request!.body))).toEqual(['ToUserName', 'Encrypt'])
    expect(pushedMessage(request!)).toMatchObject({ kind: 'text', content: '加密的' })
    expect(body.answer).toMatchObject({ success: true })
  })

  it('should open the app\'s sealed reply and check its MsgSignature when the mode is safe', async () => {
    answer = request => sealReply(textReply(request, '密文回复'), account, { timestamp: request.query.get('timestamp')! })
    const { body } = await push({ ...text(), mode: 'safe' })
    expect(body.answer).toMatchObject({ sealed: true, reply: { type: 'text', content: '密文回复' } })
    expect(body.answer.problem).toBeUndefined()
  })

  it('should report a sealed reply as refused when its MsgSignature does not match', async () => {
    answer = (request) => {
      const sealed = sealReply(textReply(request, '被改过'), account, { timestamp: request.query.get('timestamp')!, nonce: '1' })
      const { Encrypt, TimeStamp } = parseXmlDocument(sealed) as Record<string, string>
      // signed for another nonce than the one it names
      return sealed.replace(/<MsgSignature>.*<\/MsgSignature>/, `<MsgSignature><![CDATA[${computeMsgSignature(config.token, TimeStamp!, '2', Encrypt!)}]]></MsgSignature>`)
    }
    const { status, body } = await push({ ...text(), mode: 'safe' })
    expect(status).toBe(200)
    expect(body.answer.reply).toBeUndefined()
    expect(body.answer.problem).toMatch(/bad-msg-signature/)
  })

  it('should send the plaintext fields and Encrypt together when the mode is compat', async () => {
    await push({ ...text('兼容'), mode: 'compat' })
    const [request] = received
    const fields = parseXmlDocument(request!.body)
    expect(fields).toMatchObject({ MsgType: 'text', Content: '兼容', Encrypt: expect.any(String) })
    expect(pushedMessage(request!)).toMatchObject({ content: '兼容', msgId: fields.MsgId })
  })

  it('should try 3 times with the same MsgId and report no answer when the app is slower than the deadline', async () => {
    answer = () => new Promise(resolve => setTimeout(() => resolve('success'), 1000))
    // WeChat's 5 s, shortened
    await mock.close()
    mock = buildMockWechat(config, { now: createClock().now, pushTimeoutMs: 200 })
    const { body } = await push(text())
    expect(body.delivered).toBe(false)
    expect(body.answer).toBeNull()
    expect(body.tries).toHaveLength(3)
    expect(body.tries.every((t: { status: unknown, error?: string }) => t.status === null && /no answer/.test(t.error ?? ''))).toBe(true)
    await expect.poll(() => received.length).toBe(3)
    expect(new Set(received.map(r => pushedMessage(r).msgId)).size).toBe(1)
  })

  it('should let the app send customer-service messages when the user follows (an event window: 3 messages)', async () => {
    await mock.inject({ method: 'PUT', url: `/__control/users/${ALICE}`, payload: { subscribe: 0 } })
    const token = await serverToken(mock)
    const send = async () => (await mock.inject({
      method: 'POST',
      url: `/cgi-bin/message/custom/send?access_token=${token}`,
      payload: { touser: ALICE, msgtype: 'text', text: { content: '欢迎关注' } },
    })).json().errcode as number
    expect(await send()).toBe(45015)
    await push({ fields: { kind: 'subscribe', fromUserName: ALICE } })
    const users = (await mock.inject({ url: '/__control/users' })).json() as { users: Array<{ openid: string, subscribe: number }> }
    expect(users.users.find(user => user.openid === ALICE)?.subscribe).toBe(1)
    expect([await send(), await send(), await send(), await send()]).toEqual([0, 0, 0, 45047])
  })

  it('should let the app send 5 customer-service messages when the user sent a message (a message window)', async () => {
    await mock.inject({ method: 'PUT', url: `/__control/users/${ALICE}`, payload: { subscribe: 1 } })
    const token = await serverToken(mock)
    const send = async () => (await mock.inject({
      method: 'POST',
      url: `/cgi-bin/message/custom/send?access_token=${token}`,
      payload: { touser: ALICE, msgtype: 'text', text: { content: '您好' } },
    })).json().errcode as number
    await push(text())
    const answers = []
    for (let i = 0; i < 6; i++)
      answers.push(await send())
    expect(answers).toEqual([0, 0, 0, 0, 0, 45047])
  })

  it('should mark the user as not following when the push is an unsubscribe', async () => {
    await mock.inject({ method: 'PUT', url: `/__control/users/${ALICE}`, payload: { subscribe: 1 } })
    await push({ fields: { kind: 'unsubscribe', fromUserName: ALICE } })
    const users = (await mock.inject({ url: '/__control/users' })).json() as { users: Array<{ openid: string, subscribe: number }> }
    expect(users.users.find(user => user.openid === ALICE)?.subscribe).toBe(0)
  })

  it('should report an answer that is neither success, empty nor a reply when the app answers something else', async () => {
    answer = () => 'ok'
    const { body } = await push(text())
    expect(body.answer).toMatchObject({ raw: 'ok', success: false, empty: false, problem: expect.stringMatching(/neither success/) })
  })

  it('should report a reply addressed to someone else when its ToUserName is not the sender', async () => {
    answer = request => textReply(request, 'x').replace(ALICE, 'oBob0000000000000000000001')
    const { body } = await push(text())
    expect(body.answer.reply).toBeUndefined()
    expect(body.answer.problem).toMatch(/ToUserName/)
  })

  it('should report a redirect as the answer, not follow it, when the app answers 302', async () => {
    answer = request => request.query.has('moved') ? textReply(request, '跟随了') : { status: 302, headers: { location: `/elsewhere?moved=1&${request.query}` }, body: '' }
    const { body } = await push(text())
    expect(received).toHaveLength(1)
    expect(body).toMatchObject({ delivered: true, status: 302, answer: { problem: expect.stringMatching(/HTTP 302/) } })
  })

  it('should send raw XML as written when the body has xml', async () => {
    const xml = `<xml><ToUserName><![CDATA[${'gh_0123456789ab'}]]></ToUserName><FromUserName><![CDATA[${ALICE}]]></FromUserName><CreateTime>1</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[原样]]></Content><MsgId>1</MsgId></xml>`
    await push({ xml })
    expect(received[0]!.body).toBe(xml)
  })

  it.each([
    ['an unknown kind', { fields: { kind: 'sticker', fromUserName: ALICE } }, /kind must be one of/],
    ['a missing field', { fields: { kind: 'text', fromUserName: ALICE } }, /content/],
    ['an unknown field', { fields: { kind: 'text', fromUserName: ALICE, content: 'x', contnet: 'y' } }, /unknown property "contnet"/],
    ['xml without an <xml> root', { xml: '<root><a>1</a></root>' }, /root element/],
    ['both xml and fields', { xml: '<xml><a>1</a></xml>', fields: { kind: 'text' } }, /either xml/],
    ['another mode', { ...text(), mode: 'secret' }, /mode/],
  ])('should answer 400 without pushing when the body has %s', async (_name, payload, message) => {
    const { status, body } = await push(payload)
    expect(status).toBe(400)
    expect(body.error.code).toBe('VALIDATION')
    expect(body.error.message).toMatch(message)
    expect(received).toHaveLength(0)
  })
})
