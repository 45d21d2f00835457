import { ORDER_PAY_MINUTES, type Address, type Order, type OrderCloseReason, type OrderItem, type OrderLineInput, type OrderList, type OrderListQuery } from '@wxshop/shared'
import type { Kysely, Selectable } from 'kysely'
import type { Database, OrderItemTable, OrderTable } from '../db/schema'
import { inTransaction } from '../db/transaction'
import { duplicateProduct, priceLines, type CatalogProduct } from '../orders/order-lines'
import { newOrderNo } from '../orders/order-number'
import { withinTransaction } from './own-transaction'
import { parseImages } from './product-repository'
import { isUniqueViolation } from './unique-violation'

// Orders and their lines (migration 005). Plain functions over a Kysely instance, the database or
// a transaction, so the pay side (notify, cancel, the expiry sweep) calls the same ones.
// Stock is reserved when an order is created and given back when an unpaid order closes; sales are
// not counted here: an order counts as a sale once it is paid, which is the pay side's transition.

export type OrderRow = Selectable<OrderTable>
export type OrderItemRow = Selectable<OrderItemTable>

/** An order as stored: every column (the pay columns too) and its lines in the order they were sent. */
export interface StoredOrder {
  row: OrderRow
  items: OrderItemRow[]
}

export interface NewOrder {
  accountId: number
  /** the session's WeChat openid: the payer of the unified order */
  openid: string
  items: ReadonlyArray<OrderLineInput>
  address: Address
  remark: string | null
  now: Date
  /** Draws an order number (default `newOrderNo`); tests hand in one that clashes. */
  orderNo?: (now: Date) => string
}

/** Why an order was not created; nothing was written (stock included). */
export type OrderRejection
  = | { reason: 'duplicate-product', productId: number }
    | { reason: 'product-missing', productId: number }
    | { reason: 'out-of-stock', productId: number, name: string }
  /** every line is free: WeChat Pay takes at least 1 fen, and orders.total_fen > 0 */
    | { reason: 'zero-total' }

export type CreateOrderResult = { ok: true, order: StoredOrder } | { ok: false, rejection: OrderRejection }

/** Draws of an order number before giving up: a clash of 12 random digits on one day is already rare. */
const ORDER_NO_ATTEMPTS = 5

class Rejected extends Error {
  readonly rejection: OrderRejection

  constructor(rejection: OrderRejection) {
    super(rejection.reason)
    this.rejection = rejection
  }
}

/**
 * Creates an unpaid order priced from the products table (never from the request) and reserves its
 * stock, in one transaction of its own: each line takes `stock = stock - q WHERE stock >= q`, so two
 * buyers racing for the last unit cannot both get it and stock never goes below zero. Any rejection
 * rolls everything back. Needs the database, not a transaction (it retries the whole transaction
 * when the drawn order number is taken, since PostgreSQL aborts a transaction at a unique violation).
 */
export async function createOrder(db: Kysely<Database>, input: NewOrder): Promise<CreateOrderResult> {
  const duplicate = duplicateProduct(input.items)
  if (duplicate !== undefined)
    return { ok: false, rejection: { reason: 'duplicate-product', productId: duplicate } }
  const draw = input.orderNo ?? newOrderNo
  for (let attempt = 1; ; attempt++) {
    try {
      const order = await inTransaction(db, (_repositories, trx) => insertOrder(trx, input, draw(input.now)))
      return { ok: true, order }
    } catch (err) {
      if (err instanceof Rejected)
        return { ok: false, rejection: err.rejection }
      // order_no is the only unique column among the rows written
      if (isUniqueViolation(err) && attempt < ORDER_NO_ATTEMPTS)
        continue
      throw err
    }
  }
}

async function insertOrder(trx: Kysely<Database>, input: NewOrder, orderNo: string): Promise<StoredOrder> {
  const ids = input.items.map(line => line.productId)
  const products = await trx.selectFrom('products').select(['id', 'name', 'price_fen', 'images']).where('id', 'in', ids).execute()
  const catalog = new Map<number, CatalogProduct>(products.map(product => [product.id, {
    id: product.id,
    name: product.name,
    priceFen: product.price_fen,
    coverImage: parseImages(product.images)[0] ?? '',
  }]))
  const priced = priceLines(input.items, catalog)
  if ('missing' in priced)
    throw new Rejected({ reason: 'product-missing', productId: priced.missing })
  if (priced.totalFen <= 0)
    throw new Rejected({ reason: 'zero-total' })

  // In product id order, so two orders sharing products take their row locks in the same order
  // (PostgreSQL would otherwise deadlock them); the WHERE is the guard, the affected rows its answer.
  for (const line of [...priced.lines].sort((a, b) => a.productId - b.productId)) {
    const reserved = await trx
      .updateTable('products')
      .set(eb => ({ stock: eb('stock', '-', line.quantity) }))
      .where('id', '=', line.productId)
      .where('stock', '>=', line.quantity)
      .executeTakeFirst()
    if (Number(reserved.numUpdatedRows) !== 1)
      throw new Rejected({ reason: 'out-of-stock', productId: line.productId, name: line.name })
  }

  const { id } = await trx
    .insertInto('orders')
    .values({
      order_no: orderNo,
      account_id: input.accountId,
      openid: input.openid,
      status: 'unpaid',
      total_fen: priced.totalFen,
      address: addressJson(input.address),
      remark: input.remark,
      created_at: input.now.toISOString(),
      expires_at: new Date(input.now.getTime() + ORDER_PAY_MINUTES * 60_000).toISOString(),
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  await trx
    .insertInto('order_items')
    .values(priced.lines.map(line => ({
      order_id: id,
      product_id: line.productId,
      name: line.name,
      cover_image: line.coverImage,
      price_fen: line.priceFen,
      quantity: line.quantity,
    })))
    .execute()
  const stored = await loadOrder(trx, { id })
  if (!stored)
    throw new Error(`order ${id} vanished inside its own transaction`)
  return stored
}

/** The account's own orders, newest first (id breaks ties of one millisecond), optionally of one status. */
export async function listOrdersForAccount(db: Kysely<Database>, accountId: number, query: OrderListQuery): Promise<OrderList> {
  const { page, pageSize, status } = query
  let base = db.selectFrom('orders').where('account_id', '=', accountId)
  if (status !== undefined)
    base = base.where('status', '=', status)
  const counted = await base.select(eb => eb.fn.countAll().as('total')).executeTakeFirstOrThrow()
  // PostgreSQL's count() is a bigint, which pg hands over as a string.
  const total = Number(counted.total)
  const rows = await base
    .selectAll()
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute()
  const items = await itemsOf(db, rows.map(row => row.id))
  return {
    items: rows.map(row => toOrder(row, items.get(row.id) ?? [])),
    page,
    pageSize,
    total,
    hasMore: page * pageSize < total,
  }
}

/** The order if it is this account's; another account's order is as absent as a missing one. */
export function findOrderForAccount(db: Kysely<Database>, accountId: number, id: number): Promise<StoredOrder | undefined> {
  return loadOrder(db, { id, accountId })
}

/** The order WeChat Pay knows by this out_trade_no, whoever's it is (notify, order query). */
export function findOrderByNo(db: Kysely<Database>, orderNo: string): Promise<StoredOrder | undefined> {
  return loadOrder(db, { orderNo })
}

/** The order row alone (no lines): the pay notify's first look, which a repeated notify ends at. */
export function findOrderRowByNo(db: Kysely<Database>, orderNo: string): Promise<OrderRow | undefined> {
  return db.selectFrom('orders').selectAll().where('order_no', '=', orderNo).executeTakeFirst()
}

/** An order's lines, in the order they were sent. */
export async function orderItems(db: Kysely<Database>, orderId: number): Promise<OrderItemRow[]> {
  return (await itemsOf(db, [orderId])).get(orderId) ?? []
}

/**
 * Closes an order that is still unpaid and gives its lines' quantities back to stock, in one
 * transaction (the caller's, when `db` is one). The status check is in the UPDATE, so a close that
 * races a notify, a second close or another sweep changes nothing: stock is released exactly once.
 * Returns whether this call closed it. Closing at WeChat Pay is the caller's business.
 */
export function closeUnpaidOrder(db: Kysely<Database>, orderId: number, reason: OrderCloseReason, nowIso: string): Promise<boolean> {
  return withinTransaction(db, async (trx) => {
    const closed = await trx
      .updateTable('orders')
      .set({ status: 'closed', closed_at: nowIso, close_reason: reason })
      .where('id', '=', orderId)
      .where('status', '=', 'unpaid')
      .executeTakeFirst()
    if (Number(closed.numUpdatedRows) !== 1)
      return false
    const lines = await trx.selectFrom('order_items').select(['product_id', 'quantity']).where('order_id', '=', orderId).orderBy('product_id').execute()
    for (const line of lines) {
      await trx
        .updateTable('products')
        .set(eb => ({ stock: eb('stock', '+', line.quantity) }))
        .where('id', '=', line.product_id)
        .execute()
    }
    return true
  })
}

/** The shared Order a shopper sees: no openid, no pay columns. */
export function toOrder(row: OrderRow, items: ReadonlyArray<OrderItemRow>): Order {
  return {
    id: row.id,
    orderNo: row.order_no,
    status: row.status,
    items: items.map(toOrderItem),
    totalFen: row.total_fen,
    address: JSON.parse(row.address) as Address,
    remark: row.remark,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    paidAt: row.paid_at,
    closedAt: row.closed_at,
    closeReason: row.close_reason,
  }
}

function toOrderItem(row: OrderItemRow): OrderItem {
  return {
    productId: row.product_id,
    name: row.name,
    coverImage: row.cover_image,
    priceFen: row.price_fen,
    quantity: row.quantity,
    subtotalFen: row.price_fen * row.quantity,
  }
}

/** Only the Address's own fields, in a fixed order, whatever else the object carries. */
function addressJson({ name, phone, province, city, district, detail }: Address): string {
  return JSON.stringify({ name, phone, province, city, district, detail })
}

/** Which order: every key given must match. */
interface OrderKey {
  id?: number
  accountId?: number
  orderNo?: string
}

async function loadOrder(db: Kysely<Database>, key: OrderKey): Promise<StoredOrder | undefined> {
  let query = db.selectFrom('orders').selectAll()
  if (key.id !== undefined)
    query = query.where('id', '=', key.id)
  if (key.accountId !== undefined)
    query = query.where('account_id', '=', key.accountId)
  if (key.orderNo !== undefined)
    query = query.where('order_no', '=', key.orderNo)
  const row = await query.executeTakeFirst()
  if (!row)
    return undefined
  const items = await itemsOf(db, [row.id])
  return { row, items: items.get(row.id) ?? [] }
}

async function itemsOf(db: Kysely<Database>, orderIds: number[]): Promise<Map<number, OrderItemRow[]>> {
  const byOrder = new Map<number, OrderItemRow[]>()
  if (orderIds.length === 0)
    return byOrder
  const rows = await db.selectFrom('order_items').selectAll().where('order_id', 'in', orderIds).orderBy('id').execute()
  for (const row of rows) {
    const list = byOrder.get(row.order_id)
    if (list)
      list.push(row)
    else
      byOrder.set(row.order_id, [row])
  }
  return byOrder
}
