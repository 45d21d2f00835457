import { Buffer } from 'node:buffer'
import { Type, type Static } from 'typebox'
import { MessageRefusal, MessageRefusedError } from './errors'

/** How an EncodingAESKey looks, in words, for configuration errors. */
export const ENCODING_AES_KEY_DESCRIPTION = '43 characters of base64 (A-Z, a-z, 0-9, + and /)'

/** The EncodingAESKey of the account's server configuration: 43 base64 characters, 32 bytes once "=" is added. */
export const EncodingAesKeySchema = Type.String({ pattern: '^[A-Za-z0-9+/]{43}$', description: ENCODING_AES_KEY_DESCRIPTION })
export type EncodingAesKey = Static<typeof EncodingAesKeySchema>

const ENCODING_AES_KEY = /^[A-Za-z0-9+/]{43}$/

export function isEncodingAesKey(value: unknown): value is EncodingAesKey {
  return typeof value === 'string' && ENCODING_AES_KEY.test(value)
}

/** The AES-256 key: base64(EncodingAESKey + '='). Throws MessageRefusedError (bad-aes-key) for anything else. */
export function aesKeyOf(encodingAesKey: string): Uint8Array {
  if (!isEncodingAesKey(encodingAesKey))
    throw new MessageRefusedError(MessageRefusal.badAesKey, `EncodingAESKey must be ${ENCODING_AES_KEY_DESCRIPTION}`)
  return Buffer.from(`${encodingAesKey}=`, 'base64')
}
