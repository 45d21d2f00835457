import { createHash, randomBytes } from 'node:crypto'

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
  return createHash('sha1').update(string1).digest('hex')
}

const NONCE_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'

/** 16 random letters and digits, like the doc's example (WeChat allows up to 32). */
export function jssdkNonce(): string {
  // 62 does not divide 256: the slight bias is harmless for a nonce that only has to be unpredictable
  return [...randomBytes(16)].map(byte => NONCE_ALPHABET[byte % NONCE_ALPHABET.length]).join('')
}
