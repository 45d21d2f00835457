import { formatFen } from '@wxshop/shared'
import type { Kysely } from 'kysely'
import type { Database } from '../db/schema'
import type { WechatServerApi } from '../wechat/server-api'
import type { TokenLog } from '../wechat/token-service'

export const TEMPLATE_SEND = '/cgi-bin/message/template/send'
/** After this many failed sends a message is given up (status failed, last_error kept). */
export const MAX_MESSAGE_ATTEMPTS = 8
/** While one sender holds a message, others leave it alone for this long. */
const LEASE_MS = 2 * 60 * 1000
const BATCH = 20

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
 * A row is claimed (its next_attempt_at moved on) before it is sent, so two senders never both send it.
 */
export function createOrderPaidMessages(options: OrderPaidMessagesOptions) {
  const { db, api, log } = options
  const now = options.now ?? Date.now

  async function sendOne(message: { id: number, order_id: number, attempts: number, next_attempt_at: string }, nowMs: number): Promise<boolean> {
    const claim = await db.updateTable('order_messages')
      .set({ next_attempt_at: new Date(nowMs + LEASE_MS).toISOString() })
      .where('id', '=', message.id)
      .where('status', '=', 'pending')
      .where('next_attempt_at', '=', message.next_attempt_at)
      .executeTakeFirst()
    if (Number(claim.numUpdatedRows) !== 1)
      return false
    const order = await db.selectFrom('orders').select(['id', 'order_no', 'openid', 'total_fen', 'paid_at']).where('id', '=', message.order_id).executeTakeFirstOrThrow()
    const first = await db.selectFrom('order_items').select('name').where('order_id', '=', order.id).orderBy('id').executeTakeFirst()
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
          thing3: { value: [...(first?.name ?? '商品')].slice(0, 20).join('') },
          time4: { value: beijingTime(order.paid_at ?? new Date(nowMs).toISOString()) },
        },
      }, { log, caller: 'order paid message' })
      await db.updateTable('order_messages')
        .set({ status: 'sent', attempts, sent_at: new Date(nowMs).toISOString(), last_error: null })
        .where('id', '=', message.id)
        .execute()
      return true
    } catch (err) {
      const lastError = (err instanceof Error ? err.message : String(err)).slice(0, 500)
      const givenUp = attempts >= MAX_MESSAGE_ATTEMPTS
      await db.updateTable('order_messages')
        .set({ status: givenUp ? 'failed' : 'pending', attempts, last_error: lastError, next_attempt_at: new Date(nowMs + messageBackoffMs(attempts)).toISOString() })
        .where('id', '=', message.id)
        .execute()
      log.warn({ orderMessage: { orderId: order.id, attempts, givenUp, error: lastError } }, 'order paid message not sent')
      return false
    }
  }

  return {
    /** Sends the messages due at `nowMs` (default now); answers how many were sent. */
    async sendDue(nowMs: number = now()): Promise<number> {
      const due = await db.selectFrom('order_messages')
        .select(['id', 'order_id', 'attempts', 'next_attempt_at'])
        .where('status', '=', 'pending')
        .where('next_attempt_at', '<=', new Date(nowMs).toISOString())
        .orderBy('next_attempt_at')
        .limit(BATCH)
        .execute()
      let sent = 0
      for (const message of due) {
        if (await sendOne(message, nowMs))
          sent += 1
      }
      return sent
    },
  }
}

export type OrderPaidMessages = ReturnType<typeof createOrderPaidMessages>
