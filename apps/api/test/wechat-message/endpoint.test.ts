import { computeSignature } from '@wxshop/shared/wechat-message'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { App } from '../../src/app'
import { createWechatMessageRepository } from '../../src/repositories/wechat-message-repository'
import { build, LIVE_ENV } from '../helper'
import { ACCOUNT_ID, accountOf, type Mode, nowSeconds, OPENID, pushMessage, pushRequest, replyFields, textMessage } from './push'

describe('GET|POST /api/wechat/message', () => {
  let app: App
  const stored = () => createWechatMessageRepository(app.db).count()

  beforeAll(async () => {
    app = await build()
  })
  afterAll(() => app.close())

  describe('GET (server URL verification)', () => {
    const verify = (query: Record<string, string>) => app.inject({ url: '/api/wechat/message', query })
    const signed = (token: string) => {
      const timestamp = nowSeconds()
      const nonce = '1514059234'
      return { signature: computeSignature(token, timestamp, nonce), timestamp, nonce, echostr: 'echo-7493826154' }
    }

    it('should answer echostr as plain text when the signature matches', async () => {
      const response = await verify(signed(accountOf(app).token))
      expect(response.statusCode).toBe(200)
      expect(response.headers['content-type']).toMatch(/^text\/plain/)
      expect(response.body).toBe('echo-7493826154')
    })

    it('should answer 403 without echoing when the signature is wrong', async () => {
      const response = await verify(signed('anothertoken'))
      expect(response.statusCode).toBe(403)
      expect(response.body).not.toContain('echo-7493826154')
    })

    it('should answer 403 when the signature is missing', async () => {
      const { signature: _, ...query } = signed(accountOf(app).token)
      const response = await verify(query)
      expect(response.statusCode).toBe(403)
      expect(response.body).not.toContain('echo-7493826154')
    })
  })

  describe.each<Mode>(['plaintext', 'compatible', 'safe'])('POST in %s mode', (mode) => {
    it('should answer a text message with a passive reply to its sender and store it', async () => {
      const message = textMessage('帮助')
      const response = await pushMessage(app, message, { mode })
      expect(response.statusCode, response.body).toBe(200)
      if (mode !== 'plaintext') {
        // encrypted and signed: the plaintext reply never travels in the clear
        expect(response.body).toContain('<Encrypt>')
        expect(response.body).not.toContain(OPENID)
      }
      const reply = replyFields(accountOf(app), response.body, mode)
      expect(reply).toMatchObject({ ToUserName: OPENID, FromUserName: ACCOUNT_ID, MsgType: 'text' })
      expect(reply.Content).toContain('商品名称')
      const row = await createWechatMessageRepository(app.db).find(`msg:${message.msgId}`)
      expect(row).toMatchObject({ kind: 'text', fromOpenid: OPENID, status: 'replied' })
    })
  })

  it('should handle the encrypted copy in compatible mode, not the unsigned plaintext beside it', async () => {
    const account = accountOf(app)
    const request = pushRequest(account, xmlOf('帮助'), { mode: 'compatible' })
    // someone on the way rewrites the plaintext fields; only the ciphertext is covered by msg_signature
    const tampered = { ...request, payload: request.payload.replace('<![CDATA[帮助]]>', '<![CDATA[量子计算机]]>') }
    expect(tampered.payload).toContain('量子计算机')
    const response = await app.inject(tampered)
    expect(response.statusCode).toBe(200)
    expect(replyFields(account, response.body, 'compatible').Content).toContain('商品名称')
  })

  describe('refusals: 403/400, nothing stored, nothing echoed', () => {
    const refusedCases: [string, number, () => ReturnType<typeof pushRequest>][] = [
      ['a bad signature', 403, () => pushRequest(accountOf(app), xmlOf('秘密词1'), { signToken: 'anothertoken' })],
      ['a bad msg_signature', 403, () => pushRequest(accountOf(app), xmlOf('秘密词2'), { mode: 'safe', msgSignature: 'a'.repeat(40) })],
      ['a message for another appid', 403, () => pushRequest(accountOf(app), xmlOf('秘密词3'), { mode: 'safe', encryptAppId: 'wx9999999999999999' })],
      ['a replayed timestamp (an hour old)', 403, () => pushRequest(accountOf(app), xmlOf('秘密词4'), { timestamp: String(Number(nowSeconds()) - 3600) })],
      ['a DOCTYPE with an external entity (XXE)', 400, () => pushRequest(accountOf(app),
        '<?xml version="1.0"?><!DOCTYPE xml [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><xml><ToUserName>a</ToUserName><FromUserName>b</FromUserName><CreateTime>1</CreateTime><MsgType>text</MsgType><Content>&xxe;秘密词5</Content><MsgId>1</MsgId></xml>')],
      ['billion laughs', 400, () => pushRequest(accountOf(app),
        `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "秘密词6">${Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i || ''};`.repeat(10)}">`).join('')}]><xml><Content>&lol9;</Content></xml>`)],
      ['malformed XML', 400, () => pushRequest(accountOf(app), '<xml><ToUserName>秘密词7</ToUserName><MsgType>text</xml>')],
      ['a known message without its fields', 400, () => pushRequest(accountOf(app), '<xml><MsgType>text</MsgType><Content>秘密词8</Content></xml>')],
      ['a DOCTYPE inside a safe-mode ciphertext', 400, () => pushRequest(accountOf(app),
        '<!DOCTYPE x [<!ENTITY e "秘密词9">]><xml><ToUserName>a</ToUserName><FromUserName>b</FromUserName><CreateTime>1</CreateTime><MsgType>text</MsgType><Content>&e;</Content><MsgId>9</MsgId></xml>', { mode: 'safe' })],
    ]

    it.each(refusedCases)('should refuse %s', async (_name, status, request) => {
      const before = await stored()
      const response = await app.inject(request())
      expect(response.statusCode).toBe(status)
      expect(response.body).not.toMatch(/秘密词|passwd/)
      expect(await stored()).toBe(before)
    })

    it('should answer 413 and store nothing when the body is over 64 KiB', async () => {
      const before = await stored()
      // over our 64 KiB, under the app's general 128 KiB: only this endpoint's limit refuses it
      const response = await app.inject(pushRequest(accountOf(app), xmlOf('x'.repeat(70 * 1024))))
      expect(response.statusCode).toBe(413)
      expect(await stored()).toBe(before)
    })

    it('should keep an unknown kind of push instead of dropping it', async () => {
      const xml = `<xml><ToUserName>${ACCOUNT_ID}</ToUserName><FromUserName>${OPENID}</FromUserName><CreateTime>${nowSeconds()}</CreateTime><MsgType>event</MsgType><Event>user_get_card</Event><CardId>p1</CardId></xml>`
      const response = await app.inject(pushRequest(accountOf(app), xml))
      expect(response.statusCode).toBe(200)
      expect(response.body).toBe('success')
      const row = await app.db.selectFrom('wechat_messages').selectAll().where('dedupe_key', 'like', `event:${OPENID}:%:user_get_card`).executeTakeFirst()
      expect(row?.kind).toBe('unknown')
      expect(JSON.parse(row!.fields)).toMatchObject({ CardId: 'p1' })
    })
  })
})

describe('POST /api/wechat/message for an account in safe mode (WECHAT_MESSAGE_MODE=safe)', () => {
  let app: App
  beforeAll(async () => {
    app = await build({ env: { WECHAT_MESSAGE_MODE: 'safe' } })
  })
  afterAll(() => app.close())

  it('should refuse a correctly signed plaintext push, which WeChat never sends such an account (a downgrade), and store nothing', async () => {
    const response = await app.inject(pushRequest(accountOf(app), xmlOf('降级词')))
    expect(response.statusCode).toBe(403)
    expect(response.body).not.toContain('降级词')
    expect(await createWechatMessageRepository(app.db).count()).toBe(0)
  })

  it('should answer an encrypted push', async () => {
    const response = await app.inject(pushRequest(accountOf(app), xmlOf('帮助'), { mode: 'safe' }))
    expect(response.statusCode).toBe(200)
    expect(replyFields(accountOf(app), response.body, 'safe').Content).toContain('商品名称')
  })
})

describe('POST /api/wechat/message without WECHAT_TOKEN (live mode)', () => {
  it('should answer 503, echo nothing and say why in the log when no message token is configured', async () => {
    const lines: { level: number, msg: string }[] = []
    const stream = { write: (line: string) => lines.push(JSON.parse(line)) }
    const app = await build({ env: LIVE_ENV, logger: { level: 'error', stream } })
    try {
      expect(lines.some(line => line.msg.includes('WECHAT_TOKEN is not set'))).toBe(true)
      const get = await app.inject({ url: '/api/wechat/message', query: { signature: 'x', timestamp: nowSeconds(), nonce: '1', echostr: 'echo-1' } })
      expect(get.statusCode).toBe(503)
      expect(get.body).not.toContain('echo-1')
      const post = await app.inject({ method: 'POST', url: '/api/wechat/message', headers: { 'content-type': 'text/xml' }, payload: '<xml/>' })
      expect(post.statusCode).toBe(503)
    } finally {
      await app.close()
    }
  })
})

function xmlOf(content: string): string {
  return `<xml><ToUserName>${ACCOUNT_ID}</ToUserName><FromUserName>${OPENID}</FromUserName><CreateTime>${nowSeconds()}</CreateTime><MsgType>text</MsgType><Content><![CDATA[${content}]]></Content><MsgId>${Date.now()}${Math.floor(Math.random() * 1000)}</MsgId></xml>`
}
