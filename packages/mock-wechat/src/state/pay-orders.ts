import { randomBytes, randomInt } from 'node:crypto'
import { formatV2Time, TradeState, type V2SignType } from '@wxshop/shared/wechat-pay'

/** A prepay_id lives 2 hours (WECHAT-PAY.md §A2, §B3). */
export const PREPAY_TTL_MS = 2 * 3600 * 1000

export type PayVersion = 'v2' | 'v3'

/** What the merchant asked for at unified order: re-entry with other values is INVALID_REQUEST. */
export interface PayOrderParams {
  version: PayVersion
  mchid: string
  appid: string
  out_trade_no: string
  /** v2 only: MD5 | HMAC-SHA256, what the bridge's signType and the notify follow. */
  sign_type?: V2SignType
  /** v3 description, v2 body. */
  description: string
  total: number
  openid: string
  notify_url: string
  attach?: string
  /** Epoch ms; past it the order is CLOSED. */
  time_expire?: number
}

/** One POST of the pay notify to the shop, as `GET /__control/pay/orders` shows it. */
export interface NotifyAttempt {
  at: string
  kind: 'success' | 'probe'
  /** The shop's HTTP status; null when no answer came within 5 s or the connection failed. */
  status: number | null
  body: string
  ms: number
  acknowledged: boolean
  error?: string
}

export interface PayOrder extends PayOrderParams {
  prepay_id: string
  prepayCreatedAt: number
  createdAt: number
  trade_state: TradeState
  transaction_id?: string
  successAt?: number
  closedAt?: number
  notifyAttempts: NotifyAttempt[]
  /** Whether the shop has acknowledged a success notify (retries stop then). */
  notifyAcknowledged: boolean
}

/** `wx` + Beijing yyyyMMddHHmmss + 22 characters, 36 in all, as WeChat's prepay_ids look. */
function newPrepayId(nowMs: number): string {
  return `wx${formatV2Time(nowMs)}${randomBytes(11).toString('hex')}`
}

/** 28 digits starting 4200, as WeChat Pay's transaction_ids. */
function newTransactionId(nowMs: number): string {
  const date = formatV2Time(nowMs).slice(0, 8)
  const tail = Array.from({ length: 12 }, () => randomInt(10)).join('')
  return `4200${String(randomInt(10000)).padStart(4, '0')}${date}${tail}`
}

/**
 * The orders the mock's WeChat Pay holds, in memory (one merchant: keyed by out_trade_no). The
 * state is stored as paid or closed; NOTPAY past time_expire is read as CLOSED (`stateOf`).
 */
export function createPayOrders(now: () => number) {
  const byNo = new Map<string, PayOrder>()
  const byPrepay = new Map<string, PayOrder>()
  const byTransaction = new Map<string, PayOrder>()

  /** The state WeChat Pay reports now: an unpaid order past its time_expire is CLOSED. */
  function stateOf(order: PayOrder): TradeState {
    if (order.trade_state === TradeState.NotPay && order.time_expire !== undefined && now() >= order.time_expire)
      return TradeState.Closed
    return order.trade_state
  }

  return {
    stateOf,
    get: (outTradeNo: string) => byNo.get(outTradeNo),
    byTransactionId: (id: string) => byTransaction.get(id),
    /** The order of a prepay_id, whatever its age: `prepayLive` tells. */
    byPrepayId: (prepayId: string) => byPrepay.get(prepayId),
    prepayLive: (order: PayOrder, prepayId: string = order.prepay_id) =>
      order.prepay_id === prepayId && now() - order.prepayCreatedAt < PREPAY_TTL_MS,
    list: (): PayOrder[] => [...byNo.values()],
    create(params: PayOrderParams): PayOrder {
      const at = now()
      const order: PayOrder = { ...params, prepay_id: newPrepayId(at), prepayCreatedAt: at, createdAt: at, trade_state: TradeState.NotPay, notifyAttempts: [], notifyAcknowledged: false }
      byNo.set(order.out_trade_no, order)
      byPrepay.set(order.prepay_id, order)
      return order
    },
    /** A new prepay_id for an order whose old one expired (re-entry with the same params). */
    renewPrepay(order: PayOrder): void {
      order.prepay_id = newPrepayId(now())
      order.prepayCreatedAt = now()
      byPrepay.set(order.prepay_id, order)
    },
    /** The person confirmed the pay sheet: SUCCESS, with a transaction_id and success time. */
    complete(order: PayOrder): void {
      order.trade_state = TradeState.Success
      order.successAt = now()
      order.transaction_id = newTransactionId(order.successAt)
      byTransaction.set(order.transaction_id, order)
    },
    /** Ages every live prepay_id past its 2 hours (`POST /__control/expire { what: 'prepay_id' }`). */
    expirePrepays(): number {
      let count = 0
      for (const order of byNo.values()) {
        if (now() - order.prepayCreatedAt < PREPAY_TTL_MS) {
          order.prepayCreatedAt = now() - PREPAY_TTL_MS
          count++
        }
      }
      return count
    },
    close(order: PayOrder): void {
      order.trade_state = TradeState.Closed
      order.closedAt = now()
    },
    clear() {
      byNo.clear()
      byPrepay.clear()
      byTransaction.clear()
    },
  }
}

export type PayOrders = ReturnType<typeof createPayOrders>
