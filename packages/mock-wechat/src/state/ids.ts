import { createHash, randomBytes } from 'node:crypto'

const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'
const ALPHANUMERIC = BASE64URL.slice(0, 62)

function randomString(length: number, alphabet: string): string {
  // Rejection sampling would be exact; the slight modulo bias does not matter for a mock.
  return Array.from(randomBytes(length), byte => alphabet[byte % alphabet.length]).join('')
}

/** Five characters every id of one namespace shares, as real openids of one account do (`oXXXXX…`). */
function namespacePrefix(namespace: string): string {
  return createHash('sha256').update(namespace).digest('base64url').slice(0, 5)
}

/** A 28-character openid shaped like WeChat's: `o`, a per-account prefix, 22 random base64url characters. */
export function newOpenid(appId: string): string {
  return `o${namespacePrefix(appId)}${randomString(22, BASE64URL)}`
}

/** A unionid has the same shape; its prefix belongs to the (imaginary) Open Platform account. */
export function newUnionid(): string {
  return `o${namespacePrefix('mock-open-platform')}${randomString(22, BASE64URL)}`
}

/** OAuth codes are 32 alphanumeric characters, e.g. `061Ab0Ga1Gk0qG0Q0XHa1Nv3Ga1Jv3GR`. */
export function newCode(): string {
  return randomString(32, ALPHANUMERIC)
}

/** User tokens look like `86_` + a long base64url tail. */
export function newUserToken(): string {
  return `86_${randomString(104, BASE64URL)}`
}

/** WeChat appends `rid: 6543a1b2-1f2e3d4c-5b6a7980` to every error: unix time in hex, then two random groups. */
export function newRid(nowMs: number): string {
  const time = Math.floor(nowMs / 1000).toString(16).padStart(8, '0')
  return `${time}-${randomBytes(4).toString('hex')}-${randomBytes(4).toString('hex')}`
}

/** An opaque id for mock-internal records (consent tickets). */
export function newTicket(): string {
  return randomBytes(16).toString('hex')
}

/** Global access_tokens are longer than the users' (WeChat asks for 512 characters of storage). */
export function newAccessToken(): string {
  return `87_${randomString(150, BASE64URL)}`
}

/** jsapi / wx_card tickets: 86 base64url characters, like `bxLdikRXVbTPdHSM05e5u5sUoXNKd8-41ZO3MhK…`. */
export function newApiTicket(): string {
  return randomString(86, BASE64URL)
}
