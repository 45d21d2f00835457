import { parseV2Time, parseV3Time } from '@wxshop/shared/wechat-pay'

/**
 * One order as WeChat Pay reports it (v3 query / notify resource, v2 orderquery / notify), in one
 * shape, so the order state machine never reads a version's field names.
 */
export interface PayTransaction {
  outTradeNo: string
  /** SUCCESS, NOTPAY, CLOSED, USERPAYING, PAYERROR, REFUND, REVOKED */
  tradeState: string
  mchid: string
  appid: string
  transactionId: string | null
  /** the order amount WeChat Pay holds (v3 amount.total, v2 total_fee), integer fen */
  totalFen: number | null
  /** what the payer paid (v3 amount.payer_total, v2 cash_fee); null when not given */
  payerFen: number | null
  /** ISO-8601 UTC of success_time / time_end */
  paidAt: string | null
  payerOpenid: string | null
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null
}

function fen(value: unknown): number | null {
  if (typeof value === 'number')
    return Number.isSafeInteger(value) ? value : null
  if (typeof value === 'string' && /^\d{1,12}$/.test(value))
    return Number(value)
  return null
}

function iso(ms: number | undefined): string | null {
  return ms === undefined ? null : new Date(ms).toISOString()
}

/** A v3 transaction (query answer or decrypted notify resource); null when it is not one. */
export function fromV3Transaction(value: unknown): PayTransaction | null {
  if (typeof value !== 'object' || value === null)
    return null
  const t = value as Record<string, unknown>
  const amount = (typeof t.amount === 'object' && t.amount !== null ? t.amount : {}) as Record<string, unknown>
  const payer = (typeof t.payer === 'object' && t.payer !== null ? t.payer : {}) as Record<string, unknown>
  const outTradeNo = text(t.out_trade_no)
  const tradeState = text(t.trade_state)
  const mchid = text(t.mchid)
  const appid = text(t.appid)
  if (!outTradeNo || !tradeState || !mchid || !appid)
    return null
  const successTime = text(t.success_time)
  return {
    outTradeNo,
    tradeState,
    mchid,
    appid,
    transactionId: text(t.transaction_id),
    totalFen: fen(amount.total),
    payerFen: fen(amount.payer_total),
    paidAt: successTime === null ? null : iso(parseV3Time(successTime)),
    payerOpenid: text(payer.openid),
  }
}

/**
 * v2 orderquery fields or notify fields (a notify has no trade_state: result_code SUCCESS is its
 * success); null when a required field is missing.
 */
export function fromV2Fields(fields: Record<string, string>, kind: 'query' | 'notify'): PayTransaction | null {
  const outTradeNo = text(fields.out_trade_no)
  const mchid = text(fields.mch_id)
  const appid = text(fields.appid)
  const tradeState = kind === 'notify' ? (fields.result_code === 'SUCCESS' ? 'SUCCESS' : 'PAYERROR') : text(fields.trade_state)
  if (!outTradeNo || !mchid || !appid || !tradeState)
    return null
  const timeEnd = text(fields.time_end)
  return {
    outTradeNo,
    tradeState,
    mchid,
    appid,
    transactionId: text(fields.transaction_id),
    totalFen: fen(fields.total_fee),
    payerFen: fen(fields.cash_fee),
    paidAt: timeEnd === null ? null : iso(parseV2Time(timeEnd)),
    payerOpenid: text(fields.openid),
  }
}
