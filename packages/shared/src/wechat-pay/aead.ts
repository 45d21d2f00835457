import { Buffer } from 'node:buffer'
import { createCipheriv, createDecipheriv } from 'node:crypto'

// AEAD_AES_256_GCM (WECHAT-PAY.md §B5): v3 notify resources and /v3/certificates. Key = the APIv3 key
// (32 bytes of UTF-8), IV = the 12-character nonce, AAD = associated_data, ciphertext = base64(ct ‖ tag).

export const AEAD_ALGORITHM = 'AEAD_AES_256_GCM'
const TAG_BYTES = 16

export interface EncryptedResource {
  algorithm: string
  ciphertext: string
  associated_data?: string
  nonce: string
}

export class ResourceDecryptError extends Error {
  override name = 'ResourceDecryptError'
}

// The APIv3 key is 32 bytes (AES-256). Like the official Go SDK, the cipher follows the key's length,
// so its published 16-byte test vector decrypts too.
function cipherFor(apiV3Key: string): { name: 'aes-128-gcm' | 'aes-192-gcm' | 'aes-256-gcm', key: Buffer } {
  const key = Buffer.from(apiV3Key, 'utf8')
  if (key.length === 32)
    return { name: 'aes-256-gcm', key }
  if (key.length === 16 || key.length === 24)
    return { name: key.length === 16 ? 'aes-128-gcm' : 'aes-192-gcm', key }
  throw new RangeError('the APIv3 key must be 32 bytes')
}

export function encryptResource(apiV3Key: string, plaintext: string, associatedData: string, nonce: string): EncryptedResource {
  const { name, key } = cipherFor(apiV3Key)
  const cipher = createCipheriv(name, key, Buffer.from(nonce, 'utf8'))
  cipher.setAAD(Buffer.from(associatedData, 'utf8'))
  const ct = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final(), cipher.getAuthTag()])
  return { algorithm: AEAD_ALGORITHM, ciphertext: ct.toString('base64'), associated_data: associatedData, nonce }
}

/** The plaintext, or ResourceDecryptError when the algorithm, the tag or the key does not match. */
export function decryptResource(apiV3Key: string, resource: EncryptedResource): string {
  if (resource.algorithm !== AEAD_ALGORITHM)
    throw new ResourceDecryptError(`unknown algorithm ${JSON.stringify(resource.algorithm)}`)
  const data = Buffer.from(resource.ciphertext, 'base64')
  if (data.length < TAG_BYTES)
    throw new ResourceDecryptError('ciphertext shorter than its tag')
  try {
    const { name, key } = cipherFor(apiV3Key)
    const decipher = createDecipheriv(name, key, Buffer.from(resource.nonce, 'utf8'))
    decipher.setAuthTag(data.subarray(data.length - TAG_BYTES))
    decipher.setAAD(Buffer.from(resource.associated_data ?? '', 'utf8'))
    return Buffer.concat([decipher.update(data.subarray(0, data.length - TAG_BYTES)), decipher.final()]).toString('utf8')
  } catch (err) {
    throw new ResourceDecryptError('the resource does not decrypt with this APIv3 key', { cause: err })
  }
}
