import { parseXml } from '@wxshop/shared/wechat-message'
import { decryptResource, v2SignTypeOf, verifyV2, type EncryptedResource } from '@wxshop/shared/wechat-pay'
import { NotifyRefusedError } from './pay-errors'
import { fromV2Fields, fromV3Transaction, type PayTransaction } from './pay-transaction'
import type { PlatformKeys } from './platform-keys'
import { checkV3Signature, type SignedHeaders } from './v3-verify'

/** The most a pay notify may weigh; WeChat Pay's are a few KB. */
export const NOTIFY_BODY_LIMIT_BYTES = 64 * 1024

/**
 * A v3 notify (WECHAT-PAY.md §B5): the signature over the raw body first (unsigned, SIGNTEST,
 * stale, unknown serial or wrong → refused before anything is parsed), then the JSON, then the
 * resource decrypted with the APIv3 key. Answers the transaction it reports.
 */
export async function openV3Notify(headers: SignedHeaders, body: string, keys: PlatformKeys, apiV3Key: string, nowMs: number): Promise<PayTransaction> {
  const problem = await checkV3Signature(headers, body, keys.keyFor, nowMs)
  if (problem !== null)
    throw new NotifyRefusedError(problem)
  let envelope: { event_type?: unknown, resource?: unknown }
  try {
    envelope = JSON.parse(body) as typeof envelope
  } catch {
    throw new NotifyRefusedError('not JSON')
  }
  const resource = envelope?.resource as Partial<EncryptedResource> | undefined
  if (typeof resource !== 'object' || resource === null || typeof resource.ciphertext !== 'string' || typeof resource.nonce !== 'string' || typeof resource.algorithm !== 'string')
    throw new NotifyRefusedError('no encrypted resource')
  let plaintext: string
  try {
    plaintext = decryptResource(apiV3Key, resource as EncryptedResource)
  } catch {
    throw new NotifyRefusedError('the resource does not decrypt')
  }
  let transaction: PayTransaction | null
  try {
    transaction = fromV3Transaction(JSON.parse(plaintext))
  } catch {
    transaction = null
  }
  if (!transaction)
    throw new NotifyRefusedError('the resource is not a transaction')
  return transaction
}

/**
 * A v2 notify (WECHAT-PAY.md §A4): hardened XML parse (DOCTYPE, entities, nesting, size refused),
 * the sign verified with the notify's own sign_type, return_code SUCCESS. A result_code FAIL
 * notify comes back with tradeState PAYERROR.
 */
export function openV2Notify(body: string, apiV2Key: string): PayTransaction {
  let fields: Record<string, string>
  try {
    fields = parseXml(body, { maxLength: NOTIFY_BODY_LIMIT_BYTES })
  } catch {
    throw new NotifyRefusedError('not acceptable XML')
  }
  const signType = v2SignTypeOf(fields.sign_type)
  if (!signType || !verifyV2(fields, apiV2Key, signType))
    throw new NotifyRefusedError('sign does not verify')
  if (fields.return_code !== 'SUCCESS')
    throw new NotifyRefusedError('return_code is not SUCCESS')
  const transaction = fromV2Fields(fields, 'notify')
  if (!transaction)
    throw new NotifyRefusedError('fields missing')
  return transaction
}
