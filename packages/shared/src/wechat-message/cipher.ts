import { Buffer } from 'node:buffer'
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto'
import { aesKeyOf } from './aes-key'
import { MessageRefusal, MessageRefusedError } from './errors'

// WXBizMsgCrypt's cipher: AES-256-CBC, IV = key[0..16], plaintext = 16 random bytes + 4-byte big-endian
// length + msg + appid, PKCS#7-padded to 32-byte blocks. Node pads to 16, so its padding is off and ours is done by hand.

const BLOCK = 32
const BASE64 = /^(?:[A-Za-z0-9+/]{4})+(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/
const utf8 = new TextDecoder('utf-8', { fatal: true })

export interface CipherAccount {
  /** The account's EncodingAESKey (43 characters). */
  encodingAesKey: string
  /** The appid the plaintext ends with: a message for another account is refused. */
  appId: string
}

function refuse(reason: typeof MessageRefusal[keyof typeof MessageRefusal], detail: string): never {
  throw new MessageRefusedError(reason, detail)
}

/** `msg` encrypted for `account`, base64 (WeChat's Encrypt). `random` (16 bytes) only for tests against published vectors. */
export function encryptMessage(msg: string, account: CipherAccount, random: Uint8Array = randomBytes(16)): string {
  if (random.length !== 16)
    throw new RangeError('the random prefix is 16 bytes')
  const key = aesKeyOf(account.encodingAesKey)
  const body = Buffer.from(msg, 'utf8')
  const length = Buffer.alloc(4)
  length.writeUInt32BE(body.length)
  const unpadded = Buffer.concat([random, length, body, Buffer.from(account.appId, 'utf8')])
  const pad = BLOCK - (unpadded.length % BLOCK)
  const plain = Buffer.concat([unpadded, Buffer.alloc(pad, pad)])
  const cipher = createCipheriv('aes-256-cbc', key, key.subarray(0, 16))
  cipher.setAutoPadding(false)
  return Buffer.concat([cipher.update(plain), cipher.final()]).toString('base64')
}

/**
 * The message inside `encrypt` (base64). Throws MessageRefusedError: malformed (not base64, not whole
 * blocks, a length past the end, not UTF-8), bad-padding, wrong-appid. No integrity without msg_signature:
 * check that first (openEncryptedPush does).
 */
export function decryptMessage(encrypt: string, account: CipherAccount): string {
  if (!BASE64.test(encrypt))
    refuse(MessageRefusal.malformed, 'Encrypt is not base64')
  const key = aesKeyOf(account.encodingAesKey)
  const data = Buffer.from(encrypt, 'base64')
  if (data.length === 0 || data.length % 16 !== 0)
    refuse(MessageRefusal.malformed, 'the ciphertext is not whole AES blocks')
  const decipher = createDecipheriv('aes-256-cbc', key, key.subarray(0, 16))
  decipher.setAutoPadding(false)
  const plain = Buffer.concat([decipher.update(data), decipher.final()])
  const pad = plain[plain.length - 1]!
  if (pad < 1 || pad > BLOCK || pad > plain.length)
    refuse(MessageRefusal.badPadding, 'the padding length is out of range')
  for (let i = plain.length - pad; i < plain.length; i++) {
    if (plain[i] !== pad)
      refuse(MessageRefusal.badPadding, 'the padding bytes differ')
  }
  const content = plain.subarray(16, plain.length - pad)
  if (content.length < 4)
    refuse(MessageRefusal.malformed, 'no length field')
  const length = content.readUInt32BE(0)
  if (4 + length > content.length)
    refuse(MessageRefusal.malformed, 'the length runs past the end')
  const appId = content.subarray(4 + length)
  if (!appId.equals(Buffer.from(account.appId, 'utf8')))
    refuse(MessageRefusal.wrongAppId, 'the message is for another account')
  try {
    return utf8.decode(content.subarray(4, 4 + length))
  } catch {
    return refuse(MessageRefusal.malformed, 'the message is not UTF-8')
  }
}
