import { hash, randomFillSync } from 'node:crypto'

export interface JssdkSignatureInput {
  jsapiTicket: string
  nonceStr: string
  /** seconds */
  timestamp: number
  /** the page URL without its #fragment, exactly as the page will pass it */
  url: string
}

/**
 * wx.config's signature (JS-SDK doc, 附录1): sha1 over the four fields as `key=value` joined by `&`,
 * keys lower-case and in ASCII order (jsapi_ticket, noncestr, timestamp, url), values raw (no URL
 * encoding), hex digest.
 */
export function jssdkSignature(input: JssdkSignatureInput): string {
  const fields: Record<string, string> = {
    jsapi_ticket: input.jsapiTicket,
    noncestr: input.nonceStr,
    timestamp: String(input.timestamp),
    url: input.url,
  }
  const string1 = Object.keys(fields).sort().map(key => `${key}=${fields[key]}`).join('&')
  // one-shot crypto.hash (Node 20.12+): no Hash object per request, about half a microsecond less
  return hash('sha1', string1, 'hex')
}

const NONCE_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'
const NONCE_LENGTH = 16

/**
 * Random bytes drawn 4 KiB at a time and each used once. A crypto call per nonce (randomBytes(16))
 * cost about 2.5 µs, the largest piece of GET /api/jssdk/config's own work under load (docs/
 * PERFORMANCE.md); one draw now serves 256 nonces, from the same CSPRNG (as crypto.randomUUID does).
 */
const pool = Buffer.alloc(4096)
let poolUsed = pool.length

function randomByte(): number {
  if (poolUsed === pool.length) {
    randomFillSync(pool)
    poolUsed = 0
  }
  return pool[poolUsed++]!
}

/** 16 random letters and digits, like the doc's example (WeChat allows up to 32). */
export function jssdkNonce(): string {
  let nonce = ''
  // 62 does not divide 256: the slight bias is harmless for a nonce that only has to be unpredictable
  for (let i = 0; i < NONCE_LENGTH; i++)
    nonce += NONCE_ALPHABET[randomByte() % NONCE_ALPHABET.length]
  return nonce
}
