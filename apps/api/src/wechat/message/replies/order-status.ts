import { formatFen, ORDER_STATUS_LABEL } from '@wxshop/shared'
import type { Reply } from '@wxshop/shared/wechat-message'
import type { Kysely } from 'kysely'
import type { Database } from '../../../db/schema'
import { looksLikeOrderNo } from '../../../orders/order-number'
import { findOrderByNo } from '../../../repositories/order-repository'
import type { ReplyRules } from './rules'

export interface OrderStatusDeps {
  db: Kysely<Database>
  /** the shop's public origin, without a trailing slash */
  publicUrl: string
  rules: ReplyRules
}

/**
 * The answer to an order number sent in the chat: its state, for its owner only — the WeChat user who
 * placed it, or one bound to the same shop account. Anyone else, and a number of no order at all, get
 * the same not-found text, so the chat never tells a stranger that an order exists. Text that is no
 * order number → null (the shop searches products instead), without touching the database.
 */
export function createOrderStatusReply(deps: OrderStatusDeps): (openid: string, text: string) => Promise<Reply | null> {
  const { rules } = deps
  const fill = (template: string, values: Record<string, string>) =>
    template.replace(/\{(\w+)\}/g, (whole, name: string) => ({ url: `${deps.publicUrl}/`, ...values })[name] ?? whole)

  async function isOwner(openid: string, order: { openid: string, account_id: number }): Promise<boolean> {
    if (order.openid === openid)
      return true
    const identity = await deps.db.selectFrom('wechat_identities').select('account_id').where('openid', '=', openid).executeTakeFirst()
    return identity?.account_id === order.account_id
  }

  return async (openid, text) => {
    if (!looksLikeOrderNo(text))
      return null
    const stored = await findOrderByNo(deps.db, text)
    if (!stored || !await isOwner(openid, stored.row))
      return { type: 'text', content: fill(rules.orderNotFound, { orderNo: text }) }
    const { row, items } = stored
    const pieces = items.reduce((n, item) => n + item.quantity, 0)
    const first = items[0]?.name ?? ''
    const values = {
      orderNo: row.order_no,
      status: ORDER_STATUS_LABEL[row.status],
      items: pieces > 1 ? `${first}等${pieces}件` : first,
      total: formatFen(row.total_fen),
    }
    return {
      type: 'news',
      articles: [{
        title: fill(rules.orderStatus.title, values),
        description: fill(rules.orderStatus.description, values),
        ...(first && items[0]?.cover_image ? { picUrl: new URL(items[0].cover_image, `${deps.publicUrl}/`).href } : {}),
        url: `${deps.publicUrl}/orders/${row.id}`,
      }],
    }
  }
}
