import { OUT_TRADE_NO_PATTERN } from '@wxshop/shared/wechat-pay'
import type { Kysely } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Database } from '../../src/db/schema'
import { closeUnpaidOrder, createOrder, findOrderByNo, findOrderForAccount, listOrdersForAccount, toOrder, type NewOrder } from '../../src/repositories/order-repository'
import { ADDRESS, addAccount, addProduct, stockOf } from './order-fixtures'

const NOW = new Date('2026-11-30T07:30:00.000Z')

/**
 * The order repository's tests, run once per dialect. `open` hands back a migrated database (other
 * tests' rows may be there: each test makes its own account and products). `connect`, where given,
 * opens another connection to the same database, so races run between connections (PostgreSQL);
 * without it they race on the one connection (SQLite: libsql waits for a lock synchronously, so two
 * connections in one process would block each other's event loop; cross-process races are in
 * `test/db`'s child-process tests' style, and the API's race is in orders.test.ts).
 */
export function describeOrderRepository(name: string, open: () => Promise<Kysely<Database>>, connect?: () => Promise<Kysely<Database>>): void {
  describe(name, () => {
    let db: Kysely<Database>
    beforeAll(async () => {
      db = await open()
    })
    afterAll(async () => {
      await db?.destroy()
    })

    /** `count` handles on the database: other connections where the dialect runs them, else the one. */
    async function handles(count: number): Promise<{ all: Kysely<Database>[], close: () => Promise<void> }> {
      if (!connect)
        return { all: Array.from({ length: count }, () => db), close: async () => {} }
      const others = await Promise.all(Array.from({ length: count - 1 }, () => connect()))
      return { all: [db, ...others], close: async () => void await Promise.all(others.map(other => other.destroy())) }
    }

    const order = (accountId: number, items: NewOrder['items'], extra: Partial<NewOrder> = {}) =>
      createOrder(db, { accountId, openid: 'oBuyer', items, address: ADDRESS, remark: null, now: NOW, ...extra })

    it('should price the lines from the products table and reserve their stock when the order is created', async () => {
      const accountId = await addAccount(db)
      const apple = await addProduct(db, { name: '苹果', priceFen: 1250, stock: 5 })
      const pear = await addProduct(db, { name: '梨', priceFen: 399, stock: 3 })
      const result = await order(accountId, [{ productId: apple, quantity: 2 }, { productId: pear, quantity: 3 }])
      if (!result.ok)
        throw new Error(`rejected: ${result.rejection.reason}`)
      const shown = toOrder(result.order.row, result.order.items)
      expect(shown).toMatchObject({
        status: 'unpaid',
        totalFen: 2 * 1250 + 3 * 399,
        address: ADDRESS,
        createdAt: NOW.toISOString(),
        expiresAt: '2026-11-30T08:00:00.000Z',
        paidAt: null,
        closedAt: null,
        closeReason: null,
        items: [
          { productId: apple, name: '苹果', priceFen: 1250, quantity: 2, subtotalFen: 2500, coverImage: `/images/products/p${apple}-1.svg` },
          { productId: pear, name: '梨', priceFen: 399, quantity: 3, subtotalFen: 1197 },
        ],
      })
      expect(shown.orderNo).toMatch(OUT_TRADE_NO_PATTERN)
      // the Beijing date, then random digits
      expect(shown.orderNo).toMatch(/^20261130\d{12}$/)
      expect(result.order.row).toMatchObject({ account_id: accountId, openid: 'oBuyer', prepay_id: null, transaction_id: null })
      expect(await stockOf(db, apple)).toBe(3)
      expect(await stockOf(db, pear)).toBe(0)
    })

    it('should write nothing and keep every stock when one line of several is short', async () => {
      const accountId = await addAccount(db)
      const plenty = await addProduct(db, { name: '毛巾', priceFen: 100, stock: 10 })
      const short = await addProduct(db, { name: '袜子', priceFen: 100, stock: 1 })
      const result = await order(accountId, [{ productId: plenty, quantity: 4 }, { productId: short, quantity: 2 }])
      expect(result).toEqual({ ok: false, rejection: { reason: 'out-of-stock', productId: short, name: '袜子' } })
      expect(await stockOf(db, plenty)).toBe(10)
      expect(await stockOf(db, short)).toBe(1)
      expect((await listOrdersForAccount(db, accountId, { page: 1, pageSize: 10 })).total).toBe(0)
    })

    it('should reject an unknown product and a product listed twice when ordering', async () => {
      const accountId = await addAccount(db)
      const towel = await addProduct(db, { name: '毛巾', priceFen: 100, stock: 10 })
      expect(await order(accountId, [{ productId: towel, quantity: 1 }, { productId: 999_999, quantity: 1 }]))
        .toEqual({ ok: false, rejection: { reason: 'product-missing', productId: 999_999 } })
      expect(await order(accountId, [{ productId: towel, quantity: 1 }, { productId: towel, quantity: 2 }]))
        .toEqual({ ok: false, rejection: { reason: 'duplicate-product', productId: towel } })
      expect(await stockOf(db, towel)).toBe(10)
    })

    it('should draw another order number when the first one drawn is taken', async () => {
      const accountId = await addAccount(db)
      const towel = await addProduct(db, { name: '毛巾', priceFen: 100, stock: 10 })
      const first = await order(accountId, [{ productId: towel, quantity: 1 }])
      if (!first.ok)
        throw new Error('first order rejected')
      const taken = first.order.row.order_no
      const draws = [taken, '20261130000000000001']
      const second = await order(accountId, [{ productId: towel, quantity: 1 }], { orderNo: () => draws.shift() ?? 'none' })
      expect(second.ok && second.order.row.order_no).toBe('20261130000000000001')
      // the failed attempt's reservation was rolled back with it
      expect(await stockOf(db, towel)).toBe(8)
    })

    it('should give exactly one of several buyers the last unit when they race for it', async () => {
      const accountId = await addAccount(db)
      const last = await addProduct(db, { name: '最后一件', priceFen: 100, stock: 1 })
      const conns = await handles(5)
      try {
        const results = await Promise.all(conns.all.map(conn => createOrder(conn, {
          accountId, openid: 'oBuyer', items: [{ productId: last, quantity: 1 }], address: ADDRESS, remark: null, now: NOW,
        })))
        expect(results.filter(result => result.ok)).toHaveLength(1)
        expect(results.filter(result => !result.ok).map(result => !result.ok && result.rejection.reason)).toEqual(Array.from({ length: 4 }, () => 'out-of-stock'))
        expect(await stockOf(db, last)).toBe(0)
      } finally {
        await conns.close()
      }
    })

    it('should release the stock once when an unpaid order is closed twice', async () => {
      const accountId = await addAccount(db)
      const towel = await addProduct(db, { name: '毛巾', priceFen: 100, stock: 10 })
      const socks = await addProduct(db, { name: '袜子', priceFen: 100, stock: 5 })
      const result = await order(accountId, [{ productId: towel, quantity: 3 }, { productId: socks, quantity: 5 }])
      if (!result.ok)
        throw new Error('rejected')
      const id = result.order.row.id
      expect(await closeUnpaidOrder(db, id, 'cancelled', '2026-11-30T07:40:00.000Z')).toBe(true)
      expect([await stockOf(db, towel), await stockOf(db, socks)]).toEqual([10, 5])
      expect(await closeUnpaidOrder(db, id, 'expired', '2026-11-30T08:01:00.000Z')).toBe(false)
      expect([await stockOf(db, towel), await stockOf(db, socks)]).toEqual([10, 5])
      const closed = await findOrderForAccount(db, accountId, id)
      expect(closed && toOrder(closed.row, closed.items)).toMatchObject({ status: 'closed', closedAt: '2026-11-30T07:40:00.000Z', closeReason: 'cancelled' })
    })

    it('should neither close nor release stock when the order is already paid', async () => {
      const accountId = await addAccount(db)
      const towel = await addProduct(db, { name: '毛巾', priceFen: 100, stock: 10 })
      const result = await order(accountId, [{ productId: towel, quantity: 3 }])
      if (!result.ok)
        throw new Error('rejected')
      await db.updateTable('orders').set({ status: 'paid', paid_at: NOW.toISOString() }).where('id', '=', result.order.row.id).execute()
      expect(await closeUnpaidOrder(db, result.order.row.id, 'expired', NOW.toISOString())).toBe(false)
      expect(await stockOf(db, towel)).toBe(7)
    })

    it('should release the stock once when two closes of one order race', async () => {
      const accountId = await addAccount(db)
      const towel = await addProduct(db, { name: '毛巾', priceFen: 100, stock: 10 })
      const result = await order(accountId, [{ productId: towel, quantity: 4 }])
      if (!result.ok)
        throw new Error('rejected')
      const conns = await handles(2)
      try {
        const closes = await Promise.all(conns.all.map(conn => closeUnpaidOrder(conn, result.order.row.id, 'expired', NOW.toISOString())))
        expect(closes.sort()).toEqual([false, true])
        expect(await stockOf(db, towel)).toBe(10)
      } finally {
        await conns.close()
      }
    })

    it('should find an order by its number and only for its own account when looking it up', async () => {
      const owner = await addAccount(db)
      const stranger = await addAccount(db)
      const towel = await addProduct(db, { name: '毛巾', priceFen: 100, stock: 10 })
      const result = await order(owner, [{ productId: towel, quantity: 1 }])
      if (!result.ok)
        throw new Error('rejected')
      const { id, order_no: orderNo } = result.order.row
      expect((await findOrderByNo(db, orderNo))?.row.id).toBe(id)
      expect(await findOrderByNo(db, '20261130999999999999')).toBeUndefined()
      expect((await findOrderForAccount(db, owner, id))?.items).toHaveLength(1)
      expect(await findOrderForAccount(db, stranger, id)).toBeUndefined()
    })
  })
}
