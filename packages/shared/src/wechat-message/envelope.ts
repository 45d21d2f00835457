import { randomBytes } from 'node:crypto'
import { type CipherAccount, decryptMessage, encryptMessage } from './cipher'
import { MessageRefusal, MessageRefusedError } from './errors'
import { assertMsgSignature, computeMsgSignature } from './signature'
import { buildXml } from './xml-build'
import type { XmlFields } from './xml-parse'

// Safe mode's envelope: WeChat posts `<xml><ToUserName/><Encrypt/></xml>` with msg_signature in the
// query; the shop answers `<xml><Encrypt/><MsgSignature/><TimeStamp/><Nonce/></xml>`.

export interface MessageAccount extends CipherAccount {
  /** The Token of the account's server configuration. */
  token: string
}

export interface EncryptedPush {
  /** The parsed outer body (safe mode: ToUserName and Encrypt; compatible mode: the plaintext fields too). */
  fields: XmlFields
  timestamp: string
  nonce: string
  msgSignature: unknown
}

/** The plaintext XML of an encrypted push: msg_signature checked first (constant time), then decrypted. */
export function openEncryptedPush(push: EncryptedPush, account: MessageAccount): string {
  const encrypt = push.fields.Encrypt
  if (typeof encrypt !== 'string' || encrypt === '')
    throw new MessageRefusedError(MessageRefusal.malformed, 'the body has no Encrypt field')
  assertMsgSignature(account.token, { timestamp: push.timestamp, nonce: push.nonce, msgSignature: push.msgSignature, encrypt })
  return decryptMessage(encrypt, account)
}

export interface SealOptions {
  /** Seconds since the epoch, as text (WeChat's TimeStamp). */
  timestamp: string
  nonce?: string
  /** 16 bytes; only tests pass one, to meet a published vector. */
  random?: Uint8Array
}

/** `replyXml` encrypted and signed in the envelope WeChat expects from a safe-mode account. */
export function sealReply(replyXml: string, account: MessageAccount, options: SealOptions): string {
  if (!/^\d{1,12}$/.test(options.timestamp))
    throw new TypeError('timestamp is seconds since the epoch')
  const nonce = options.nonce ?? String(randomBytes(4).readUInt32BE(0))
  const encrypt = encryptMessage(replyXml, account, options.random)
  return buildXml({
    Encrypt: encrypt,
    MsgSignature: computeMsgSignature(account.token, options.timestamp, nonce, encrypt),
    TimeStamp: Number(options.timestamp),
    Nonce: nonce,
  })
}
