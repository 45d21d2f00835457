import { ErrorCode, OrderCloseReason, OrderMessage, type PayParams } from '@wxshop/shared'
import type { Kysely } from 'kysely'
import type { Database } from '../db/schema'
import { ApiError } from '../errors'
import type { PayClient } from '../wechat/pay/pay-client'
import { PayRefusal, PayRefusedError, PayUnavailableError } from '../wechat/pay/pay-errors'
import type { WechatLog } from '../wechat/transport'
import type { OrderPayments } from './order-payments'
import type { OrderItemRow, OrderRow, StoredOrder } from '../repositories/order-repository'

/** WeChat Pay keeps a prepay_id for 2 h. */
export const PREPAY_LIFETIME_MS = 2 * 3600 * 1000
/** A stored prepay is reused while it has this long left (so it is at most ~1h50m old). */
const PREPAY_REUSE_MARGIN_MS = 10 * 60 * 1000
/** WeChat Pay's description (body) is at most 127 characters. */
const DESCRIPTION_MAX = 127

export interface PayParamsOptions {
  db: Kysely<Database>
  pay: PayClient
  payments: OrderPayments
  now?: () => number
}

export const orderStateError = (message: string) => new ApiError(409, ErrorCode.OrderState, message)
export const payUnavailable = () => new ApiError(502, ErrorCode.PayFailed, OrderMessage.PayUnavailable)

/**
 * `POST /api/orders/:id/pay`: the six getBrandWCPayRequest parameters for an unpaid order that has
 * not expired. A stored prepay_id of the same API version is reused while young enough; otherwise
 * unified order is called (re-entry safe: WeChat Pay answers the same prepay_id for the same order).
 * Every value sent to WeChat Pay comes from the order row.
 */
export function createPayParams(options: PayParamsOptions) {
  const { db, pay, payments } = options
  const now = options.now ?? Date.now

  async function prepayIdFor(order: OrderRow, items: ReadonlyArray<OrderItemRow>, clientIp: string, log: WechatLog): Promise<string> {
    const nowMs = now()
    if (order.prepay_id && order.pay_version === pay.version && order.prepay_expires_at
      && Date.parse(order.prepay_expires_at) - PREPAY_REUSE_MARGIN_MS > nowMs)
      return order.prepay_id
    const prepayId = await pay.unifiedOrder({
      orderNo: order.order_no,
      description: describe(items),
      totalFen: order.total_fen,
      openid: order.openid,
      expiresAtMs: Date.parse(order.expires_at),
      clientIp,
    }, log)
    await db.updateTable('orders')
      .set({ pay_version: pay.version, prepay_id: prepayId, prepay_expires_at: new Date(nowMs + PREPAY_LIFETIME_MS).toISOString() })
      .where('id', '=', order.id)
      .where('status', '=', 'unpaid')
      .execute()
    return prepayId
  }

  /** The first item's name and how many pieces: 「有机苹果等3件」. */
  function describe(items: ReadonlyArray<OrderItemRow>): string {
    const pieces = items.reduce((sum, item) => sum + item.quantity, 0)
    const suffix = `等${pieces}件`
    const name = [...(items[0]?.name ?? '商品')].slice(0, DESCRIPTION_MAX - [...suffix].length).join('')
    return `${name}${suffix}`
  }

  return async function payParamsFor(stored: StoredOrder, clientIp: string, log: WechatLog): Promise<PayParams> {
    const order = stored.row
    if (order.status === 'paid')
      throw orderStateError(OrderMessage.AlreadyPaid)
    if (order.status === 'closed')
      throw orderStateError(OrderMessage.AlreadyClosed)
    if (Date.parse(order.expires_at) <= now()) {
      // too late to pay: close it (at WeChat Pay too) now rather than at the next sweep
      const outcome = await payments.closeOrder(order, OrderCloseReason.Expired, { log }).catch(() => 'unchanged' as const)
      throw orderStateError(outcome === 'paid' ? OrderMessage.AlreadyPaid : OrderMessage.AlreadyClosed)
    }
    let prepayId: string
    try {
      prepayId = await prepayIdFor(order, stored.items, clientIp, log)
    } catch (err) {
      if (err instanceof PayRefusedError && err.refusal === PayRefusal.OrderPaid) {
        // paid at WeChat Pay before its notify reached us: settle by query, then say so
        await payments.syncOrder(order, { log }).catch(syncErr => log.warn({ err: syncErr }, 'settling an order WeChat Pay calls paid failed; the sweep will retry'))
        throw orderStateError(OrderMessage.AlreadyPaid)
      }
      if (err instanceof PayRefusedError && err.refusal === PayRefusal.OrderClosed) {
        await payments.closeOrder(order, OrderCloseReason.Expired, { log }).catch(() => 'unchanged')
        throw orderStateError(OrderMessage.AlreadyClosed)
      }
      if (err instanceof PayUnavailableError)
        log.warn({ err: { message: err.message } }, 'WeChat Pay unavailable for unified order')
      else
        log.error({ err }, 'WeChat Pay refused the unified order')
      throw payUnavailable()
    }
    return pay.payParams(prepayId)
  }
}

export type PayParamsFor = ReturnType<typeof createPayParams>
