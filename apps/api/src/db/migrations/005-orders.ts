import { sql, type Kysely } from 'kysely'
import { idColumn } from './portable'

// Orders, their lines, and the template message each paid order sends once (an outbox the sender
// drains, so a WeChat failure never blocks the notify that paid the order).
// Applied migrations are history: change the schema in a new numbered file, never here.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('orders')
    .addColumn('id', 'integer', idColumn(db))
    // the out_trade_no WeChat Pay knows it by
    .addColumn('order_no', 'text', col => col.notNull().unique())
    .addColumn('account_id', 'integer', col => col.notNull().references('accounts.id'))
    // the WeChat identity that placed it: the payer (payer.openid / openid) of its unified order
    .addColumn('openid', 'text', col => col.notNull())
    .addColumn('status', 'text', col => col.notNull().check(sql`status in ('unpaid', 'paid', 'closed')`))
    .addColumn('total_fen', 'integer', col => col.notNull().check(sql`total_fen > 0`))
    // the Address as JSON text
    .addColumn('address', 'text', col => col.notNull())
    .addColumn('remark', 'text')
    .addColumn('created_at', 'text', col => col.notNull())
    .addColumn('expires_at', 'text', col => col.notNull())
    .addColumn('paid_at', 'text')
    .addColumn('closed_at', 'text')
    .addColumn('close_reason', 'text', col => col.check(sql`close_reason in ('cancelled', 'expired')`))
    // WeChat Pay's side: the API version of its unified order, the prepay and, once paid, the transaction
    .addColumn('pay_version', 'text', col => col.check(sql`pay_version in ('v2', 'v3')`))
    .addColumn('prepay_id', 'text')
    .addColumn('prepay_expires_at', 'text')
    .addColumn('transaction_id', 'text')
    // what the payer paid (payer_total / cash_fee), kept beside the order's own total
    .addColumn('paid_fen', 'integer')
    // set once WeChat Pay confirmed the close of an order closed here (the sweep retries until then)
    .addColumn('wechat_closed_at', 'text')
    .execute()
  await db.schema.createIndex('orders_account_idx').on('orders').columns(['account_id', 'created_at']).execute()
  await db.schema.createIndex('orders_status_expires_idx').on('orders').columns(['status', 'expires_at']).execute()

  await db.schema
    .createTable('order_items')
    .addColumn('id', 'integer', idColumn(db))
    .addColumn('order_id', 'integer', col => col.notNull().references('orders.id').onDelete('cascade'))
    .addColumn('product_id', 'integer', col => col.notNull().references('products.id'))
    // name, cover and price as they were when the order was placed
    .addColumn('name', 'text', col => col.notNull())
    .addColumn('cover_image', 'text', col => col.notNull())
    .addColumn('price_fen', 'integer', col => col.notNull().check(sql`price_fen >= 0`))
    .addColumn('quantity', 'integer', col => col.notNull().check(sql`quantity > 0`))
    .execute()
  await db.schema.createIndex('order_items_order_idx').on('order_items').column('order_id').execute()

  await db.schema
    .createTable('order_messages')
    .addColumn('id', 'integer', idColumn(db))
    // one template message per paid order, however many notifies paid it
    .addColumn('order_id', 'integer', col => col.notNull().unique().references('orders.id').onDelete('cascade'))
    .addColumn('status', 'text', col => col.notNull().check(sql`status in ('pending', 'sent', 'failed')`))
    .addColumn('attempts', 'integer', col => col.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'text', col => col.notNull())
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'text', col => col.notNull())
    .addColumn('sent_at', 'text')
    .execute()
  await db.schema.createIndex('order_messages_due_idx').on('order_messages').columns(['status', 'next_attempt_at']).execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('order_messages').execute()
  await db.schema.dropTable('order_items').execute()
  await db.schema.dropTable('orders').execute()
}
