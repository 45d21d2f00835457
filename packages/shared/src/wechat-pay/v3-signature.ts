import { createPrivateKey, createPublicKey, createSign, createVerify, type KeyObject } from 'node:crypto'

// WeChat Pay APIv3 signatures (WECHAT-PAY.md §B1, §B2): SHA256withRSA (PKCS#1 v1.5) over lines that
// each end in "\n". Requests are signed with the merchant's API key; responses and notifies with
// WeChat Pay's platform key, named by `Wechatpay-Serial`.

export const V3_AUTH_SCHEMA = 'WECHATPAY2-SHA256-RSA2048'
/** WeChat Pay's probes: a response or notify signed wrongly on purpose, which must be refused. */
export const SIGNTEST_PREFIX = 'WECHATPAY/SIGNTEST/'
/** ±5 min: a response or notify older or newer than this is refused (replay). */
export const V3_TIMESTAMP_WINDOW_SECONDS = 300

export type PemOrKey = string | KeyObject

/** `METHOD\nURL\ntimestamp\nnonce\nbody\n`; URL is the path and query as sent, body '' for a GET. */
export function v3RequestMessage(method: string, urlPath: string, timestamp: string, nonce: string, body: string): string {
  return `${method.toUpperCase()}\n${urlPath}\n${timestamp}\n${nonce}\n${body}\n`
}

/** `timestamp\nnonce\nbody\n` over the raw body (empty for a 204) of a response or notify. */
export function v3ResponseMessage(timestamp: string, nonce: string, body: string): string {
  return `${timestamp}\n${nonce}\n${body}\n`
}

/** base64 SHA256withRSA of `message`. */
export function signV3(message: string, privateKey: PemOrKey): string {
  return createSign('RSA-SHA256').update(message, 'utf8').sign(asPrivateKey(privateKey), 'base64')
}

/** Whether `signature` (base64) is the SHA256withRSA of `message`; a SIGNTEST probe never verifies. */
export function verifyV3(message: string, signature: string, publicKey: PemOrKey): boolean {
  if (signature === '' || isSignTest(signature))
    return false
  try {
    return createVerify('RSA-SHA256').update(message, 'utf8').verify(asPublicKey(publicKey), signature, 'base64')
  } catch {
    return false
  }
}

export function isSignTest(signature: string): boolean {
  return signature.startsWith(SIGNTEST_PREFIX)
}

export interface V3Authorization {
  mchid: string
  nonce_str: string
  signature: string
  timestamp: string
  serial_no: string
}

/** The request's `Authorization` header value. */
export function buildV3Authorization(auth: V3Authorization): string {
  return `${V3_AUTH_SCHEMA} mchid="${auth.mchid}",nonce_str="${auth.nonce_str}",signature="${auth.signature}",timestamp="${auth.timestamp}",serial_no="${auth.serial_no}"`
}

const AUTH_ITEM = /\s*([a-z_]+)="([^"]*)"\s*(?:,|$)/gy

/** The five items of an `Authorization` header, in any order; undefined when the header is not that shape. */
export function parseV3Authorization(header: string | undefined): V3Authorization | undefined {
  if (!header?.startsWith(`${V3_AUTH_SCHEMA} `))
    return undefined
  const rest = header.slice(V3_AUTH_SCHEMA.length + 1)
  const items = new Map<string, string>()
  AUTH_ITEM.lastIndex = 0
  let match: RegExpExecArray | null
  while (AUTH_ITEM.lastIndex < rest.length && (match = AUTH_ITEM.exec(rest)) !== null) {
    if (items.has(match[1]!))
      return undefined
    items.set(match[1]!, match[2]!)
  }
  if (AUTH_ITEM.lastIndex !== rest.length && rest.slice(AUTH_ITEM.lastIndex).trim() !== '')
    return undefined
  const names = ['mchid', 'nonce_str', 'signature', 'timestamp', 'serial_no'] as const
  if (items.size !== names.length || names.some(name => !items.get(name)))
    return undefined
  return Object.fromEntries(names.map(name => [name, items.get(name)!])) as unknown as V3Authorization
}

/** Whether a `Wechatpay-Timestamp` / Authorization timestamp is whole seconds within ±5 min of now. */
export function v3TimestampFresh(timestamp: string, nowMs: number = Date.now()): boolean {
  if (!/^\d{1,12}$/.test(timestamp))
    return false
  return Math.abs(Math.floor(nowMs / 1000) - Number(timestamp)) <= V3_TIMESTAMP_WINDOW_SECONDS
}

const privateKeys = new Map<string, KeyObject>()
const publicKeys = new Map<string, KeyObject>()

// PEM parsing costs more than the signature itself: each PEM is parsed once
function parsedOnce(cache: Map<string, KeyObject>, key: PemOrKey, parse: (pem: string) => KeyObject): KeyObject {
  if (typeof key !== 'string')
    return key
  let parsed = cache.get(key)
  if (!parsed) {
    parsed = parse(key)
    cache.set(key, parsed)
  }
  return parsed
}

const asPrivateKey = (key: PemOrKey) => parsedOnce(privateKeys, key, createPrivateKey)
const asPublicKey = (key: PemOrKey) => parsedOnce(publicKeys, key, createPublicKey)
