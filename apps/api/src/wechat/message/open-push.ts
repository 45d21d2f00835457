import { assertFreshTimestamp, assertSignature, MessageRefusal, MessageRefusedError, openEncryptedPush, parseMessage, parseXmlDocument, type MessageAccount, type PushMessage, type XmlFields, XmlRefusedError } from '@wxshop/shared/wechat-message'

// One push, from the query and raw body to a typed message, every check in WeChat's order. All
// cryptography and XML is shared/wechat-message's; this file only decides what each refusal answers.

/** plaintext: no encrypt_type; compatible: encrypt_type=aes and the plaintext fields beside Encrypt; safe: Encrypt only. */
export type PushMode = 'plaintext' | 'compatible' | 'safe'

export interface PushQuery {
  signature?: unknown
  timestamp?: unknown
  nonce?: unknown
  encrypt_type?: unknown
  msg_signature?: unknown
}

/** The account's server configuration (服务器配置) as the API holds it. */
export interface PushAccount {
  token: string
  encodingAesKey: string | null
  appId: string
  /** WECHAT_MESSAGE_MODE: the 消息加解密方式 set in the mp admin */
  messageMode: 'plain' | 'compat' | 'safe'
}

export interface OpenedPush {
  mode: PushMode
  message: PushMessage
  /** the plaintext push's fields (decrypted in compatible and safe mode) */
  fields: XmlFields
  timestamp: string
  nonce: string
}

/** A push we will not handle: `status` is what WeChat (or whoever sent it) is answered, `reason` is logged. */
export class PushRefusedError extends Error {
  readonly status: 400 | 403 | 503
  readonly reason: string
  constructor(status: 400 | 403 | 503, reason: string) {
    super(`push refused: ${reason}`)
    this.name = 'PushRefusedError'
    this.status = status
    this.reason = reason
  }
}

const text = (value: unknown): string => typeof value === 'string' ? value : ''

/** Throws PushRefusedError (403) unless `signature` matches and the timestamp is within the replay window. */
export function assertSignedQuery(token: string, query: PushQuery, now: number): { timestamp: string, nonce: string } {
  const timestamp = text(query.timestamp)
  const nonce = text(query.nonce)
  try {
    assertSignature(token, { timestamp, nonce, signature: query.signature })
    assertFreshTimestamp(timestamp, now)
  } catch (err) {
    throw refusal(err)
  }
  return { timestamp, nonce }
}

/**
 * The verified, decrypted and typed push. In compatible mode the plaintext fields beside Encrypt are
 * covered by no signature, so the decrypted copy is the one handled.
 */
export function openPush(account: PushAccount, query: PushQuery, body: string, now: number): OpenedPush {
  const { timestamp, nonce } = assertSignedQuery(account.token, query, now)
  try {
    const outer = parseXmlDocument(body)
    if (query.encrypt_type === undefined || query.encrypt_type === 'raw') {
      // an account in compat or safe mode gets every push encrypted: a plaintext one is a downgrade,
      // since the query's signature never covers the body
      if (account.messageMode !== 'plain')
        throw new PushRefusedError(403, `a plaintext push while the account is in ${account.messageMode} mode`)
      return { mode: 'plaintext', message: parseMessage(outer), fields: outer, timestamp, nonce }
    }
    if (query.encrypt_type !== 'aes')
      throw new PushRefusedError(400, 'unknown encrypt_type')
    if (account.encodingAesKey === null)
      throw new PushRefusedError(503, 'an encrypted push arrived but WECHAT_ENCODING_AES_KEY is not set')
    const plain = openEncryptedPush({ fields: outer, timestamp, nonce, msgSignature: query.msg_signature }, messageAccount(account))
    const fields = parseXmlDocument(plain)
    const mode = outer.MsgType === undefined ? 'safe' : 'compatible'
    return { mode, message: parseMessage(fields), fields, timestamp, nonce }
  } catch (err) {
    throw refusal(err)
  }
}

export function messageAccount(account: { token: string, encodingAesKey: string | null, appId: string }): MessageAccount {
  return { token: account.token, encodingAesKey: account.encodingAesKey ?? '', appId: account.appId }
}

function refusal(err: unknown): unknown {
  if (err instanceof PushRefusedError)
    return err
  if (err instanceof XmlRefusedError)
    return new PushRefusedError(400, err.message)
  if (!(err instanceof MessageRefusedError))
    return err
  switch (err.reason) {
    // not from WeChat (or not for this account): nothing about the body is worth a different answer
    case MessageRefusal.badSignature:
    case MessageRefusal.badMsgSignature:
    case MessageRefusal.staleTimestamp:
    case MessageRefusal.wrongAppId:
      return new PushRefusedError(403, err.reason)
    case MessageRefusal.badAesKey:
      return new PushRefusedError(503, 'WECHAT_ENCODING_AES_KEY is not a valid EncodingAESKey')
    default:
      return new PushRefusedError(400, err.reason)
  }
}
