import { createHash, randomBytes } from 'node:crypto'

/** 32 random bytes as base64url (43 characters): session tokens, OAuth states, browser nonces. */
export function randomToken(): string {
  return randomBytes(32).toString('base64url')
}

/**
 * What the database keeps instead of a token: a leaked table then holds nothing a browser could
 * present. A plain SHA-256 is enough because the tokens are random, not guessable like passwords.
 */
export function sha256Hex(value: string): string {
  return createHash('sha256').update(value).digest('hex')
}
