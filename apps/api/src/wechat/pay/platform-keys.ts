import { createPublicKey, X509Certificate, type KeyObject } from 'node:crypto'
import { decryptResource, type EncryptedResource } from '@wxshop/shared/wechat-pay'

/**
 * WeChat Pay's platform keys by `Wechatpay-Serial` (WECHAT-PAY.md §B2, §C): in public-key mode the
 * one public key under its PUB_KEY_ID_…; in certificate mode the platform certificates from
 * GET /v3/certificates (decrypted with the APIv3 key), cached, refreshed every 12 h and when an
 * unknown serial shows up (at most once a minute, so forged serials cannot make us hammer WeChat
 * Pay), with the public key still accepted when one is configured (a migration in progress).
 */
export interface PlatformKeys {
  keyFor: (serial: string) => Promise<KeyObject | undefined>
}

export interface PlatformKeysOptions {
  mode: 'public-key' | 'certificate'
  publicKey: string | null
  publicKeyId: string | null
  /** certificate mode: GET /v3/certificates, its answer verified against the certificates it carries */
  downloadCertificates?: () => Promise<Map<string, KeyObject>>
  now?: () => number
}

const REFRESH_MS = 12 * 3600 * 1000
const UNKNOWN_SERIAL_RETRY_MS = 60 * 1000

export function createPlatformKeys(options: PlatformKeysOptions): PlatformKeys {
  const now = options.now ?? Date.now
  const publicKey = options.publicKey && options.publicKeyId ? createPublicKey(options.publicKey) : undefined
  let certificates = new Map<string, KeyObject>()
  let fetchedAt = -Infinity
  let attemptedAt = -Infinity
  let pending: Promise<void> | undefined

  function refresh(): Promise<void> {
    pending ??= (async () => {
      attemptedAt = now()
      try {
        certificates = await options.downloadCertificates!()
        fetchedAt = now()
      } finally {
        pending = undefined
      }
    })()
    return pending
  }

  return {
    async keyFor(given) {
      if (publicKey && given === options.publicKeyId)
        return publicKey
      if (options.mode !== 'certificate' || !options.downloadCertificates)
        return undefined
      const serial = given.toUpperCase()
      const stale = now() - fetchedAt > REFRESH_MS
      const unknown = !certificates.has(serial) && now() - attemptedAt > UNKNOWN_SERIAL_RETRY_MS
      if (stale || unknown) {
        try {
          await refresh()
        } catch {
          // keep the certificates we had; an unknown serial stays unknown
        }
      }
      return certificates.get(serial)
    },
  }
}

interface CertificateEntry {
  serial_no?: unknown
  encrypt_certificate?: unknown
}

/**
 * The public keys of a GET /v3/certificates answer by serial: each certificate decrypted with the
 * APIv3 key and kept only when its own serial is the one listed beside it.
 */
export function certificatesFromAnswer(body: unknown, apiV3Key: string): Map<string, KeyObject> {
  const keys = new Map<string, KeyObject>()
  const data = (body as { data?: unknown } | null)?.data
  if (!Array.isArray(data))
    return keys
  for (const entry of data as CertificateEntry[]) {
    if (typeof entry.serial_no !== 'string' || typeof entry.encrypt_certificate !== 'object' || entry.encrypt_certificate === null)
      continue
    try {
      const pem = decryptResource(apiV3Key, entry.encrypt_certificate as EncryptedResource)
      const certificate = new X509Certificate(pem)
      const serial = certificate.serialNumber.toUpperCase()
      if (serial === entry.serial_no.toUpperCase())
        keys.set(serial, certificate.publicKey)
    } catch {
      // a certificate that does not decrypt or parse is not a key we use
    }
  }
  return keys
}
