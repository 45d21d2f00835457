import { randomBytes, randomUUID } from 'node:crypto'
import { buildXml } from '@wxshop/shared/wechat-message'
import { encryptResource, formatV3Time, signV2, V2SignType } from '@wxshop/shared/wechat-pay'
import type { PayOrder } from '../state/pay-orders'
import type { Store } from '../state/store'
import { merchantOf } from './merchant'
import { newRequestId, platformHeaders } from './platform-sign'
import { v2PaidFields, v3Transaction } from './transaction'

export type NotifyKind = 'success' | 'probe'

/** One POST of the pay result notify: what is sent, signed for this attempt. */
export interface NotifyRequest {
  headers: Record<string, string>
  body: string
}

/**
 * The v3 notify (WECHAT-PAY.md §B5): a JSON envelope whose resource is the §B4 transaction,
 * AEAD-encrypted with the APIv3 key. The envelope is fixed per notify; `sign` re-signs it with a
 * fresh timestamp and nonce for each attempt [choice, because of the 5-minute rule].
 */
function v3Envelope(store: Store, order: PayOrder): string {
  const { apiV3Key } = merchantOf(store.config)
  const nonce = randomBytes(6).toString('hex')
  return JSON.stringify({
    id: randomUUID(),
    create_time: formatV3Time(store.now()),
    resource_type: 'encrypt-resource',
    event_type: 'TRANSACTION.SUCCESS',
    summary: '支付成功',
    resource: { original_type: 'transaction', ...encryptResource(apiV3Key, JSON.stringify(v3Transaction(store, order)), 'transaction', nonce) },
  })
}

/**
 * The v2 notify (§A4): every field of a paid order, signed with the order's sign type
 * (sign_type written for HMAC orders). A probe carries a wrong sign.
 */
function v2Body(store: Store, order: PayOrder, kind: NotifyKind): string {
  const { apiV2Key } = merchantOf(store.config)
  const signType = order.sign_type ?? V2SignType.Md5
  const persona = store.personas.get(order.openid)
  const fields: Record<string, string> = {
    return_code: 'SUCCESS',
    return_msg: 'OK',
    appid: order.appid,
    mch_id: order.mchid,
    nonce_str: randomBytes(16).toString('hex'),
    ...(signType === V2SignType.HmacSha256 ? { sign_type: signType } : {}),
    result_code: 'SUCCESS',
    ...v2PaidFields(order, persona?.subscribe === 1),
  }
  const sign = signV2(fields, apiV2Key, signType)
  // a probe: the right length and alphabet, the wrong value
  const probeSign = [...sign].reverse().join('') === sign ? `0${sign.slice(1)}` : [...sign].reverse().join('')
  return buildXml({ ...fields, sign: kind === 'probe' ? probeSign : sign })
}

/** Builds the notify of a paid order; call `sign()` once per attempt. */
export function notifyFor(store: Store, order: PayOrder, kind: NotifyKind): { sign: () => NotifyRequest } {
  if (order.version === 'v3') {
    const body = v3Envelope(store, order)
    return { sign: () => ({ headers: { 'content-type': 'application/json', ...platformHeaders(store.config, store.now(), body, kind === 'probe'), 'request-id': newRequestId() }, body }) }
  }
  return { sign: () => ({ headers: { 'content-type': 'text/xml' }, body: v2Body(store, order, kind) }) }
}
