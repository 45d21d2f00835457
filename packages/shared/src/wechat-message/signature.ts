import { Buffer } from 'node:buffer'
import { createHash, timingSafeEqual } from 'node:crypto'
import { MessageRefusal, MessageRefusedError } from './errors'

// The two SHA-1 signatures of message push: `signature` on every request (and the GET check), and
// `msg_signature` over the ciphertext in safe and compatible mode. Both sort their parts as strings.

function sha1OfSorted(parts: string[]): string {
  return createHash('sha1').update([...parts].sort().join('')).digest('hex')
}

/** signature = sha1(sort([token, timestamp, nonce]).join('')). */
export function computeSignature(token: string, timestamp: string, nonce: string): string {
  return sha1OfSorted([token, timestamp, nonce])
}

/** msg_signature = sha1(sort([token, timestamp, nonce, Encrypt]).join('')). */
export function computeMsgSignature(token: string, timestamp: string, nonce: string, encrypt: string): string {
  return sha1OfSorted([token, timestamp, nonce, encrypt])
}

/** Compares two hex digests in constant time (no early exit that leaks how many characters matched). */
export function digestsEqual(expected: string, given: unknown): boolean {
  if (typeof given !== 'string' || given.length !== expected.length)
    return false
  return timingSafeEqual(Buffer.from(expected, 'latin1'), Buffer.from(given, 'latin1'))
}

export interface SignedQuery { timestamp: string, nonce: string, signature: unknown }

/** Whether `signature` is the request's, for the token both sides configured. */
export function isValidSignature(token: string, query: SignedQuery): boolean {
  return digestsEqual(computeSignature(token, query.timestamp, query.nonce), query.signature)
}

/** Throws MessageRefusedError (bad-signature) unless the request's signature matches. */
export function assertSignature(token: string, query: SignedQuery): void {
  if (!isValidSignature(token, query))
    throw new MessageRefusedError(MessageRefusal.badSignature, 'signature does not match')
}

export interface MsgSignedQuery { timestamp: string, nonce: string, msgSignature: unknown, encrypt: string }

export function isValidMsgSignature(token: string, query: MsgSignedQuery): boolean {
  return digestsEqual(computeMsgSignature(token, query.timestamp, query.nonce, query.encrypt), query.msgSignature)
}

/** Throws MessageRefusedError (bad-msg-signature) unless msg_signature matches the ciphertext. */
export function assertMsgSignature(token: string, query: MsgSignedQuery): void {
  if (!isValidMsgSignature(token, query))
    throw new MessageRefusedError(MessageRefusal.badMsgSignature, 'msg_signature does not match the ciphertext')
}
