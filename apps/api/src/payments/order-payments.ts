import type { OrderCloseReason } from '@wxshop/shared'
import { TradeState } from '@wxshop/shared/wechat-pay'
import { sql, type Kysely, type Transaction } from 'kysely'
import { createGroupCommit } from '../db/group-commit'
import type { Database } from '../db/schema'
import { inTransaction } from '../db/transaction'
import { closeUnpaidOrder, findOrderRowByNo, orderItems, type OrderItemRow, type OrderRow } from '../repositories/order-repository'
import type { PayClient } from '../wechat/pay/pay-client'
import { PayRefusal, PayRefusedError } from '../wechat/pay/pay-errors'
import type { PayTransaction } from '../wechat/pay/pay-transaction'
import type { WechatLog } from '../wechat/transport'

/** What WeChat Pay says was paid, checked against the order before anything is written. */
export interface PaidReport {
  transactionId: string
  /** the order amount WeChat Pay holds (amount.total / total_fee) */
  totalFen: number
  /** what the payer paid (payer_total / cash_fee); the total when not reported */
  paidFen: number
  /** ISO-8601 UTC */
  paidAt: string
  mchid: string
  appid: string
}

/** A paid report that does not fit the order: nothing is written, and the sender is told no. */
export class SettleRefusedError extends Error {
  readonly reason: string
  constructor(orderNo: string, reason: string) {
    super(`payment for ${orderNo} refused: ${reason}`)
    this.name = 'SettleRefusedError'
    this.reason = reason
  }
}

export interface OrderPaymentsOptions {
  db: Kysely<Database>
  pay: PayClient
  mchId: string
  appId: string
  /** null: no template message is queued for paid orders */
  orderPaidTemplateId: string | null
  log: WechatLog
  now?: () => number
  /** called after a transition committed, to send the template message soon (never awaited) */
  onPaid?: () => void
}

export type CloseOutcome = 'closed' | 'paid' | 'unchanged'

/**
 * The one state machine for an order's payment, used by the notify routes, the pay/sync/cancel
 * routes and the sweep alike:
 * - `settlePaid`: unpaid → paid, once (a conditional UPDATE), with products.sales and the
 *   template-message outbox row in the same transaction. A CLOSED order that WeChat Pay reports
 *   paid is marked paid too: WeChat Pay holds the buyer's money, so the shop must ship or refund;
 *   its stock is taken again (never below zero) and an error is logged for an operator.
 * - `closeOrder`: with a prepay, asks WeChat Pay first (paid there → settle instead), closes it
 *   there, then closes here (stock released) and records wechat_closed_at. WeChat Pay unreachable
 *   → the error propagates and the order stays unpaid (the sweep tries again).
 * - `syncOrder`: asks WeChat Pay and settles when it says SUCCESS (a lost or late notify).
 */
export function createOrderPayments(options: OrderPaymentsOptions) {
  const { db, pay, log } = options
  const now = options.now ?? Date.now

  // the notifies' writes share transactions under load (db/group-commit.ts): committed before answered
  const group = createGroupCommit(work => inTransaction(db, work))

  async function settlePaid(orderNo: string, report: PaidReport, context: { log?: WechatLog } = {}): Promise<boolean> {
    const logger = context.log ?? log
    // Read first, outside any transaction: what WeChat Pay reports is checked against the order
    // (nothing is written for a report that does not fit), and a repeated notify of a paid order
    // (WeChat Pay repeats them) is answered without taking the write lock or writing anything.
    const row = await findOrderRowByNo(db, orderNo)
    if (!row)
      throw new SettleRefusedError(orderNo, 'no such order')
    if (report.mchid !== options.mchId)
      throw new SettleRefusedError(orderNo, 'mchid is not ours')
    if (report.appid !== options.appId)
      throw new SettleRefusedError(orderNo, 'appid is not ours')
    if (report.totalFen !== row.total_fen)
      throw new SettleRefusedError(orderNo, `amount ${report.totalFen} is not the order's ${row.total_fen}`)
    const outcome = row.status === 'paid'
      ? (row.transaction_id === report.transactionId ? 'duplicate' as const : 'other-transaction' as const)
      : await group.run(async (_repositories, trx) => {
        // the status conditions decide, inside the transaction: of racing notifies only one transitions
          const paid = { status: 'paid' as const, paid_at: report.paidAt, transaction_id: report.transactionId, paid_fen: report.paidFen }
          const fromUnpaid = await trx.updateTable('orders').set(paid).where('id', '=', row.id).where('status', '=', 'unpaid').executeTakeFirst()
          if (Number(fromUnpaid.numUpdatedRows) === 1) {
            await afterTransition(trx, row, await orderItems(trx, row.id), false)
            return 'transitioned' as const
          }
          const fromClosed = await trx.updateTable('orders').set(paid).where('id', '=', row.id).where('status', '=', 'closed').executeTakeFirst()
          if (Number(fromClosed.numUpdatedRows) === 1) {
            await afterTransition(trx, row, await orderItems(trx, row.id), true)
            return 'closed-paid' as const
          }
          const current = await trx.selectFrom('orders').select('transaction_id').where('id', '=', row.id).executeTakeFirstOrThrow()
          return current.transaction_id === report.transactionId ? 'duplicate' as const : 'other-transaction' as const
        })
    if (outcome === 'closed-paid')
      logger.error({ order: { orderNo } }, 'WeChat Pay reports a CLOSED order paid: it is now marked paid; ship it or refund it (its stock was taken again)')
    if (outcome === 'other-transaction')
      logger.error({ order: { orderNo } }, 'a second WeChat Pay transaction reports an order already paid: check for a double payment')
    const transitioned = outcome === 'transitioned' || outcome === 'closed-paid'
    if (transitioned)
      options.onPaid?.()
    return transitioned
  }

  async function afterTransition(trx: Transaction<Database>, row: OrderRow, items: ReadonlyArray<OrderItemRow>, wasClosed: boolean): Promise<void> {
    for (const item of items) {
      const update = trx.updateTable('products').set({ sales: sql`sales + ${item.quantity}` })
      // a closed order's stock went back on the shelf: take it again, never below zero
      await (wasClosed ? update.set({ stock: sql`case when stock >= ${item.quantity} then stock - ${item.quantity} else 0 end` }) : update)
        .where('id', '=', item.product_id)
        .execute()
    }
    if (options.orderPaidTemplateId === null)
      return
    const at = new Date(now()).toISOString()
    await trx.insertInto('order_messages')
      .values({ order_id: row.id, status: 'pending', next_attempt_at: at, created_at: at })
      .onConflict(oc => oc.column('order_id').doNothing())
      .execute()
  }

  /** settlePaid from a transaction WeChat Pay reported SUCCESS (query or notify). */
  function settleTransaction(transaction: PayTransaction, context: { log?: WechatLog } = {}): Promise<boolean> {
    const { transactionId, totalFen } = transaction
    if (transaction.tradeState !== TradeState.Success || !transactionId || totalFen === null)
      throw new SettleRefusedError(transaction.outTradeNo, `trade_state ${transaction.tradeState} without the fields of a payment`)
    return settlePaid(transaction.outTradeNo, {
      transactionId,
      totalFen,
      paidFen: transaction.payerFen ?? totalFen,
      paidAt: transaction.paidAt ?? new Date(now()).toISOString(),
      mchid: transaction.mchid,
      appid: transaction.appid,
    }, context)
  }

  /** Asks WeChat Pay about an unpaid order with a prepay; settles it when paid. True when this call paid it. */
  async function syncOrder(order: OrderRow, context: { log?: WechatLog } = {}): Promise<boolean> {
    if (order.status !== 'unpaid' || order.prepay_id === null)
      return false
    const transaction = await pay.query(order.order_no, context.log)
    if (transaction?.tradeState !== TradeState.Success)
      return false
    return settleTransaction(transaction, context)
  }

  async function closeOrder(order: OrderRow, reason: OrderCloseReason, context: { log?: WechatLog } = {}): Promise<CloseOutcome> {
    if (order.status !== 'unpaid')
      return 'unchanged'
    let closedAtWechat = false
    if (order.prepay_id !== null) {
      const transaction = await pay.query(order.order_no, context.log)
      if (transaction?.tradeState === TradeState.Success) {
        await settleTransaction(transaction, context)
        return 'paid'
      }
      if (transaction !== null && transaction.tradeState !== TradeState.Closed) {
        try {
          await pay.close(order.order_no, context.log)
        } catch (err) {
          // paid between the query and the close
          if (err instanceof PayRefusedError && err.refusal === PayRefusal.OrderPaid)
            return (await syncOrder(order, context)) ? 'paid' : 'unchanged'
          throw err
        }
      }
      closedAtWechat = true
    }
    const at = new Date(now()).toISOString()
    const closed = await db.transaction().execute(async (trx) => {
      const done = await closeUnpaidOrder(trx, order.id, reason, at)
      if (done && closedAtWechat)
        await trx.updateTable('orders').set({ wechat_closed_at: at }).where('id', '=', order.id).execute()
      return done
    })
    return closed ? 'closed' : 'unchanged'
  }

  return {
    settlePaid,
    settleTransaction,
    syncOrder,
    closeOrder,
  }
}

export type OrderPayments = ReturnType<typeof createOrderPayments>
