import type { PayParams } from '@wxshop/shared'
import type { PayConfig } from '../../config'
import type { WechatLog, WechatTransport } from '../transport'
import type { PayTransaction } from './pay-transaction'

/** What either client (v3-client.ts, v2-client.ts) is built from. */
export interface PayClientOptions {
  pay: PayConfig
  appId: string
  publicUrl: string
  transport: WechatTransport
  log: WechatLog
  now?: () => number
}

/** What a unified order needs; every value comes from the order row, never from the browser. */
export interface UnifiedOrderInput {
  orderNo: string
  /** ≤127 characters: the first item's name and how many items */
  description: string
  totalFen: number
  /** the payer: the openid that placed the order */
  openid: string
  /** the order's expires_at: WeChat Pay refuses to take money after it (time_expire) */
  expiresAtMs: number
  /** v2's spbill_create_ip: the shopper's address */
  clientIp: string
}

/**
 * WeChat Pay for one merchant, by config.pay.version (v3-client.ts, v2-client.ts). Failures are
 * PayUnavailableError (try later) or PayRefusedError (WeChat Pay said no).
 */
export interface PayClient {
  readonly version: 'v2' | 'v3'
  /** JSAPI unified order; re-entry with the same order answers the same prepay_id. */
  unifiedOrder: (input: UnifiedOrderInput, log?: WechatLog) => Promise<string>
  /** The order as WeChat Pay holds it; null when WeChat Pay has never heard of it. */
  query: (orderNo: string, log?: WechatLog) => Promise<PayTransaction | null>
  /** Closes the order at WeChat Pay (already closed counts as closed); PayRefusedError ORDER_PAID when paid. */
  close: (orderNo: string, log?: WechatLog) => Promise<void>
  /** The six getBrandWCPayRequest parameters for a prepay_id, freshly signed. */
  payParams: (prepayId: string) => PayParams
}

/** The notify URL of a version: https, no query (WECHAT-PAY.md §A2, §B3). */
export function notifyUrl(publicUrl: string, version: 'v2' | 'v3'): string {
  return `${publicUrl}/api/pay/notify${version === 'v3' ? '/v3' : ''}`
}

/** Whole seconds, as getBrandWCPayRequest's timeStamp and v3's Authorization want them. */
export function unixSeconds(ms: number = Date.now()): string {
  return String(Math.floor(ms / 1000))
}
