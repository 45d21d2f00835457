import type { KeyObject } from 'node:crypto'
import { isSignTest, v3ResponseMessage, v3TimestampFresh, verifyV3 } from '@wxshop/shared/wechat-pay'

/** Why a v3 answer or notify was not believed (for logs; never shown to the sender). */
export type V3SignatureProblem = 'unsigned' | 'signtest' | 'stale' | 'unknown-serial' | 'bad-signature'

export interface SignedHeaders {
  get: (name: string) => string | null | undefined
}

/**
 * Checks a v3 answer's or notify's signature headers over its raw body, in WECHAT-PAY.md §B2's
 * order: all four headers present (a 2xx without a signature is forged), not a SIGNTEST probe,
 * timestamp within ±5 min, a serial we know, then SHA256withRSA over `timestamp\nnonce\nbody\n`.
 * Answers null when the message is WeChat Pay's, else the problem.
 */
export async function checkV3Signature(
  headers: SignedHeaders,
  body: string,
  keyFor: (serial: string) => Promise<KeyObject | undefined>,
  nowMs: number,
  keyOverride?: (serial: string) => KeyObject | undefined,
): Promise<V3SignatureProblem | null> {
  const serial = headers.get('wechatpay-serial')
  const timestamp = headers.get('wechatpay-timestamp')
  const nonce = headers.get('wechatpay-nonce')
  const signature = headers.get('wechatpay-signature')
  if (!serial || !timestamp || !nonce || !signature)
    return 'unsigned'
  if (isSignTest(signature))
    return 'signtest'
  if (!v3TimestampFresh(timestamp, nowMs))
    return 'stale'
  const key = keyOverride ? keyOverride(serial) : await keyFor(serial)
  if (!key)
    return 'unknown-serial'
  return verifyV3(v3ResponseMessage(timestamp, nonce, body), signature, key) ? null : 'bad-signature'
}

/** Node's IncomingHttpHeaders as SignedHeaders (a repeated header is not a signature we accept). */
export function nodeHeaders(headers: Record<string, string | string[] | undefined>): SignedHeaders {
  return { get: (name) => {
    const value = headers[name.toLowerCase()]
    return typeof value === 'string' ? value : undefined
  } }
}
