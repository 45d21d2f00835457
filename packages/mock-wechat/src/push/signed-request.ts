import { buildXml, computeMsgSignature, computeSignature, encryptMessage, type MessageAccount } from '@wxshop/shared/wechat-message'
import { randomBytes } from 'node:crypto'
import type { MessageMode } from '../config'

// How WeChat posts one push to the 服务器地址(URL): signature, timestamp, nonce and openid in the query;
// in compat and safe mode also encrypt_type=aes and msg_signature over the ciphertext.

export interface SignedPush {
  query: Record<string, string>
  body: string
}

export interface SignOptions {
  mode: MessageMode
  account: MessageAccount
  /** The push's ToUserName (the account's original id): safe mode's envelope repeats it. */
  toUserName: string
  /** The sender's openid (FromUserName), when the XML names one. */
  openid?: string
  /** Seconds since the epoch, as text. */
  timestamp: string
  nonce?: string
}

/** A nonce like WeChat's: a decimal number of up to 10 digits. */
function newNonce(): string {
  return String(randomBytes(4).readUInt32BE(0))
}

/** Compat mode keeps the plaintext and adds `<Encrypt>` last, as WeChat's compatible-mode sample does. */
function withEncrypt(xml: string, encrypt: string): string {
  const end = xml.lastIndexOf('</xml>')
  return `${xml.slice(0, end)}<Encrypt><![CDATA[${encrypt}]]></Encrypt>\n${xml.slice(end)}`
}

/** The query and body WeChat sends for the plaintext push `xml` in `mode`. */
export function signPush(xml: string, options: SignOptions): SignedPush {
  const { mode, account, timestamp } = options
  const nonce = options.nonce ?? newNonce()
  const query: Record<string, string> = { signature: computeSignature(account.token, timestamp, nonce), timestamp, nonce }
  if (options.openid !== undefined)
    query.openid = options.openid
  if (mode === 'plain')
    return { query, body: xml }
  const encrypt = encryptMessage(xml, account)
  query.encrypt_type = 'aes'
  query.msg_signature = computeMsgSignature(account.token, timestamp, nonce, encrypt)
  const body = mode === 'safe' ? buildXml({ ToUserName: options.toUserName, Encrypt: encrypt }) : withEncrypt(xml, encrypt)
  return { query, body }
}
