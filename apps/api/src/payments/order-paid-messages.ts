import { formatFen } from '@wxshop/shared'
import type { Kysely } from 'kysely'
import type { Database } from '../db/schema'
import { inTransaction } from '../db/transaction'
import type { WechatServerApi } from '../wechat/server-api'
import type { TokenLog } from '../wechat/token-service'

export const TEMPLATE_SEND = '/cgi-bin/message/template/send'
/** After this many failed sends a message is given up (status failed, last_error kept). */
export const MAX_MESSAGE_ATTEMPTS = 8
/** While one sender holds a message, others leave it alone for this long. */
const LEASE_MS = 2 * 60 * 1000
const BATCH = 20
/** Batches one sendDue call works through at most (1,000 messages). */
const MAX_BATCHES = 50

/** 30 s, 1 min, 2 min … capped at 1 h: the wait after the n-th failed attempt. */
export function messageBackoffMs(attempts: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 3600_000)
}

export interface OrderPaidMessagesOptions {
  db: Kysely<Database>
  api: WechatServerApi
  templateId: string | null
  publicUrl: string
  log: TokenLog
  now?: () => number
}

/** Beijing wall time, as a buyer reads it: 2026-11-30 15:30:00. */
function beijingTime(iso: string): string {
  const d = new Date(Date.parse(iso) + 8 * 3600 * 1000)
  return d.toISOString().slice(0, 19).replace('T', ' ')
}

/**
 * The 订单支付成功 template message, sent once per paid order from the order_messages outbox that
 * settlePaid fills in the paying transaction. A failure never touches the order: the row is retried
 * with backoff (attempts, next_attempt_at, last_error) and given up after MAX_MESSAGE_ATTEMPTS.
 * Rows are claimed (their next_attempt_at moved on) before they are sent, so two senders never both
 * send one. The writes go a batch at a time — one claim, one record of the outcomes — not two per
 * message: under a burst of payments the sender shares the database with the notifies it follows.
 */
export function createOrderPaidMessages(options: OrderPaidMessagesOptions) {
  const { db, api, log } = options
  const now = options.now ?? Date.now

  interface Due { id: number, order_id: number, attempts: number }
  type Outcome = { id: number, attempts: number, orderId: number } & ({ ok: true } | { ok: false, error: string })

  async function send(message: Due, order: { id: number, order_no: string, openid: string, total_fen: number, paid_at: string | null }, firstItem: string | undefined, nowMs: number): Promise<Outcome> {
    const attempts = message.attempts + 1
    try {
      if (options.templateId === null)
        throw new Error('no template id configured (WECHAT_TEMPLATE_ORDER_PAID)')
      await api.post(TEMPLATE_SEND, {
        touser: order.openid,
        template_id: options.templateId,
        url: `${options.publicUrl}/orders/${order.id}`,
        // the 订单支付成功通知 template's keywords (kind + position); thing is at most 20 characters
        data: {
          character_string1: { value: order.order_no },
          amount2: { value: formatFen(order.total_fen) },
          thing3: { value: [...(firstItem ?? '商品')].slice(0, 20).join('') },
          time4: { value: beijingTime(order.paid_at ?? new Date(nowMs).toISOString()) },
        },
      }, { log, caller: 'order paid message' })
      return { id: message.id, attempts, orderId: order.id, ok: true }
    } catch (err) {
      return { id: message.id, attempts, orderId: order.id, ok: false, error: (err instanceof Error ? err.message : String(err)).slice(0, 500) }
    }
  }

  /** One batch: claim the due rows, send them side by side, record every outcome. Answers [due, sent]. */
  async function sendBatch(nowMs: number): Promise<[number, number]> {
    const nowIso = new Date(nowMs).toISOString()
    const due = await db.selectFrom('order_messages')
      .select(['id', 'order_id', 'attempts'])
      .where('status', '=', 'pending')
      .where('next_attempt_at', '<=', nowIso)
      .orderBy('next_attempt_at')
      .limit(BATCH)
      .execute()
    if (due.length === 0)
      return [0, 0]
    // the claim re-checks status and due time, so rows another sender claimed meanwhile stay its own
    const claimed = new Set((await db.updateTable('order_messages')
      .set({ next_attempt_at: new Date(nowMs + LEASE_MS).toISOString() })
      .where('id', 'in', due.map(message => message.id))
      .where('status', '=', 'pending')
      .where('next_attempt_at', '<=', nowIso)
      .returning('id')
      .execute()).map(row => row.id))
    const mine = due.filter(message => claimed.has(message.id))
    if (mine.length === 0)
      return [due.length, 0]
    const orderIds = mine.map(message => message.order_id)
    const orders = new Map((await db.selectFrom('orders').select(['id', 'order_no', 'openid', 'total_fen', 'paid_at']).where('id', 'in', orderIds).execute()).map(order => [order.id, order]))
    const firstItems = new Map<number, string>()
    for (const item of await db.selectFrom('order_items').select(['order_id', 'name']).where('order_id', 'in', orderIds).orderBy('id').execute()) {
      if (!firstItems.has(item.order_id))
        firstItems.set(item.order_id, item.name)
    }
    const outcomes = await Promise.all(mine.map(message => send(message, orders.get(message.order_id)!, firstItems.get(message.order_id), nowMs)))

    const sentIds = outcomes.filter(outcome => outcome.ok).map(outcome => outcome.id)
    await inTransaction(db, async (_repositories, trx) => {
      if (sentIds.length > 0) {
        // every sent row was at its attempts + 1; the rows of one batch may differ, so the column does the sum
        await trx.updateTable('order_messages')
          .set(eb => ({ status: 'sent', attempts: eb('attempts', '+', 1), sent_at: nowIso, last_error: null }))
          .where('id', 'in', sentIds)
          .execute()
      }
      for (const outcome of outcomes) {
        if (outcome.ok)
          continue
        const givenUp = outcome.attempts >= MAX_MESSAGE_ATTEMPTS
        await trx.updateTable('order_messages')
          .set({ status: givenUp ? 'failed' : 'pending', attempts: outcome.attempts, last_error: outcome.error, next_attempt_at: new Date(nowMs + messageBackoffMs(outcome.attempts)).toISOString() })
          .where('id', '=', outcome.id)
          .execute()
        log.warn({ orderMessage: { orderId: outcome.orderId, attempts: outcome.attempts, givenUp, error: outcome.error } }, 'order paid message not sent')
      }
    })
    return [due.length, sentIds.length]
  }

  return {
    /**
     * Sends every message due at `nowMs` (default now), a batch at a time; answers how many were
     * sent. It drains the outbox rather than one batch, so a shop paid more than BATCH times a minute
     * does not fall behind (a batch's failures are out of the way once tried: their next attempt is
     * later). At most MAX_BATCHES per call, so one call ends.
     */
    async sendDue(nowMs: number = now()): Promise<number> {
      let sent = 0
      for (let round = 0; round < MAX_BATCHES; round++) {
        const [due, sentNow] = await sendBatch(nowMs)
        sent += sentNow
        if (due < BATCH)
          break
      }
      return sent
    },
  }
}

export type OrderPaidMessages = ReturnType<typeof createOrderPaidMessages>
