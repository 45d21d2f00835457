import { buildPushXml, buildXml, computeMsgSignature, computeSignature, encryptMessage, openEncryptedPush, parseXmlDocument, type PushMessage } from '@wxshop/shared/wechat-message'
import type { App } from '../../src/app'

// Pushes as WeChat sends them, built and signed with shared/wechat-message (the same code the mock's
// pusher uses), and the app's answers opened the way WeChat opens them.

export const ACCOUNT_ID = 'gh_0123456789ab'
export const OPENID = 'oUser0000000000000000000001'

export type Mode = 'plaintext' | 'compatible' | 'safe'

export interface Account { token: string, encodingAesKey: string, appId: string }

export function accountOf(app: App): Account {
  const { token, encodingAesKey, appId } = app.config.wechat
  return { token: token!, encodingAesKey: encodingAesKey!, appId }
}

export const nowSeconds = (): string => String(Math.floor(Date.now() / 1000))

let sequence = 0
/** A MsgId no other test uses (they share nothing, but a clear id reads better in a failure). */
export function nextMsgId(): string {
  sequence += 1
  return `2400000000${String(Date.now()).slice(-6)}${String(sequence).padStart(3, '0')}`
}

export function textMessage(content: string, msgId = nextMsgId()): Extract<PushMessage, { kind: 'text' }> {
  return { kind: 'text', toUserName: ACCOUNT_ID, fromUserName: OPENID, createTime: Number(nowSeconds()), msgId, content }
}

export interface PushOptions {
  mode?: Mode
  timestamp?: string
  nonce?: string
  /** sign with this token instead of the account's */
  signToken?: string
  /** msg_signature over this instead of the real ciphertext */
  msgSignature?: string
  /** encrypt for this appid instead of the account's */
  encryptAppId?: string
}

/** The request WeChat would send for `xml` in `mode`. */
export function pushRequest(account: Account, xml: string, options: PushOptions = {}) {
  const mode = options.mode ?? 'plaintext'
  const timestamp = options.timestamp ?? nowSeconds()
  const nonce = options.nonce ?? String(Math.floor(Math.random() * 1e9))
  const signature = computeSignature(options.signToken ?? account.token, timestamp, nonce)
  const query: Record<string, string> = { signature, timestamp, nonce, openid: OPENID }
  if (mode === 'plaintext')
    return { method: 'POST' as const, url: '/api/wechat/message', query, headers: { 'content-type': 'text/xml' }, payload: xml }
  const encrypt = encryptMessage(xml, { ...account, appId: options.encryptAppId ?? account.appId })
  const outer = mode === 'safe'
    ? buildXml({ ToUserName: ACCOUNT_ID, Encrypt: encrypt })
    : xml.replace('</xml>', `${buildXml({ Encrypt: encrypt }).slice('<xml>'.length, -'</xml>'.length)}</xml>`)
  query.encrypt_type = 'aes'
  query.msg_signature = options.msgSignature ?? computeMsgSignature(account.token, timestamp, nonce, encrypt)
  return { method: 'POST' as const, url: '/api/wechat/message', query, headers: { 'content-type': 'text/xml' }, payload: outer }
}

export function pushMessage(app: App, message: PushMessage, options: PushOptions = {}) {
  return app.inject(pushRequest(accountOf(app), buildPushXml(message), options))
}

/** The reply's plaintext XML: as answered in plaintext mode, decrypted (and its msg_signature checked) otherwise. */
export function openAnswer(account: Account, body: string, mode: Mode): string {
  if (mode === 'plaintext' || body === 'success')
    return body
  const fields = parseXmlDocument(body)
  return openEncryptedPush({ fields, timestamp: String(fields.TimeStamp), nonce: String(fields.Nonce), msgSignature: fields.MsgSignature }, account)
}

/** The reply's fields, for asserting on. */
export function replyFields(account: Account, body: string, mode: Mode = 'plaintext') {
  return parseXmlDocument(openAnswer(account, body, mode))
}
