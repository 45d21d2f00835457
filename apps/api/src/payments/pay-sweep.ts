import { OrderCloseReason } from '@wxshop/shared'
import type { Kysely } from 'kysely'
import type { Database } from '../db/schema'
import type { WechatLog } from '../wechat/transport'
import type { OrderPaidMessages } from './order-paid-messages'
import type { OrderPayments } from './order-payments'
import { PREPAY_LIFETIME_MS } from './pay-params'

/** An order with a prepay and no notify this long after its prepay is asked about. */
export const SYNC_AFTER_MS = 2 * 60 * 1000
const BATCH = 50

export interface PaySweepReport {
  closed: number
  paid: number
  messagesSent: number
}

/**
 * One pass of the pay sweep: unpaid orders past expires_at are closed (at WeChat Pay first, so
 * nothing can take money for them later; stock released); unpaid orders whose prepay got no notify
 * for a while are asked about (a lost notify is settled); due template messages are sent. Each
 * order's failure is logged and left for the next pass.
 */
export async function runPaySweep(options: { db: Kysely<Database>, payments: OrderPayments, messages: OrderPaidMessages, log: WechatLog, now?: number }): Promise<PaySweepReport> {
  const { db, payments, messages, log } = options
  const nowMs = options.now ?? Date.now()
  const nowIso = new Date(nowMs).toISOString()
  const report: PaySweepReport = { closed: 0, paid: 0, messagesSent: 0 }

  const expired = await db.selectFrom('orders').selectAll()
    .where('status', '=', 'unpaid').where('expires_at', '<=', nowIso)
    .orderBy('expires_at').limit(BATCH).execute()
  for (const order of expired) {
    try {
      const outcome = await payments.closeOrder(order, OrderCloseReason.Expired, { log })
      if (outcome === 'closed')
        report.closed += 1
      if (outcome === 'paid')
        report.paid += 1
    } catch (err) {
      log.warn({ err: { message: (err as Error).message }, order: { orderNo: order.order_no } }, 'closing an expired order failed; next sweep retries')
    }
  }

  // prepay_expires_at is the prepay's time + 2 h
  const quietSince = new Date(nowMs - SYNC_AFTER_MS + PREPAY_LIFETIME_MS).toISOString()
  const quiet = await db.selectFrom('orders').selectAll()
    .where('status', '=', 'unpaid').where('prepay_id', 'is not', null).where('prepay_expires_at', '<=', quietSince)
    .where('expires_at', '>', nowIso)
    .orderBy('prepay_expires_at').limit(BATCH).execute()
  for (const order of quiet) {
    try {
      if (await payments.syncOrder(order, { log }))
        report.paid += 1
    } catch (err) {
      log.warn({ err: { message: (err as Error).message }, order: { orderNo: order.order_no } }, 'querying an order at WeChat Pay failed; next sweep retries')
    }
  }

  report.messagesSent = await messages.sendDue(nowMs)
  return report
}
