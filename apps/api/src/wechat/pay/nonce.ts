import { randomBytes } from 'node:crypto'

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'

/** 32 letters and digits from the CSPRNG: nonce_str, nonceStr and v3 nonces (WeChat Pay allows ≤32). */
export function payNonce(): string {
  const bytes = randomBytes(32)
  let out = ''
  // 62 letters: 248 = 4 × 62 keeps every letter equally likely
  for (let i = 0; out.length < 32; i++) {
    const byte = i < bytes.length ? bytes[i]! : randomBytes(1)[0]!
    if (byte < 248)
      out += ALPHABET[byte % 62]
  }
  return out
}
