import { Buffer } from 'node:buffer'
import { createHash, createHmac, timingSafeEqual } from 'node:crypto'

// WeChat Pay APIv2's one sign rule (WECHAT-PAY.md §A1): for requests, responses, notifies and the
// bridge's paySign alike.

export const V2SignType = { Md5: 'MD5', HmacSha256: 'HMAC-SHA256' } as const
export type V2SignType = typeof V2SignType[keyof typeof V2SignType]

export type V2Params = Readonly<Record<string, string | number | undefined | null>>

/**
 * The string that is hashed: every non-empty parameter but `sign` (sign_type included when present),
 * keys in ASCII order, raw values as `k=v` joined by `&`, then `&key=<APIv2 key>`.
 * Values are trimmed, as the official SDK does.
 */
export function v2SignString(params: V2Params, key: string): string {
  const pairs: string[] = []
  for (const name of Object.keys(params).sort()) {
    if (name === 'sign')
      continue
    const value = params[name]
    if (value === undefined || value === null)
      continue
    const text = String(value).trim()
    if (text !== '')
      pairs.push(`${name}=${text}`)
  }
  pairs.push(`key=${key}`)
  return pairs.join('&')
}

/** UPPERCASE hex MD5 or HMAC-SHA256 (keyed with the APIv2 key) of v2SignString. */
export function signV2(params: V2Params, key: string, signType: V2SignType = V2SignType.Md5): string {
  const text = v2SignString(params, key)
  const digest = signType === V2SignType.HmacSha256
    ? createHmac('sha256', key).update(text, 'utf8').digest('hex')
    : createHash('md5').update(text, 'utf8').digest('hex')
  return digest.toUpperCase()
}

/** Whether `params.sign` is the v2 signature of `params`; constant-time in the signature's bytes. */
export function verifyV2(params: V2Params, key: string, signType: V2SignType = V2SignType.Md5): boolean {
  const given = params.sign
  if (typeof given !== 'string' || given === '')
    return false
  const expected = Buffer.from(signV2(params, key, signType))
  const actual = Buffer.from(given)
  return actual.length === expected.length && timingSafeEqual(actual, expected)
}

/** The sign type a v2 message declares (`sign_type`), MD5 when absent; undefined for anything else. */
export function v2SignTypeOf(value: unknown): V2SignType | undefined {
  if (value === undefined || value === '')
    return V2SignType.Md5
  return value === V2SignType.Md5 || value === V2SignType.HmacSha256 ? value : undefined
}
