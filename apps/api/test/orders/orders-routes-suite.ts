import { ORDER_PAY_MINUTES, OrderMessage, outOfStockMessage, type Order, type OrderList } from '@wxshop/shared'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { App } from '../../src/app'
import { closeUnpaidOrder } from '../../src/repositories/order-repository'
import { build } from '../helper'
import { sharedMockWechat, TEST_PUBLIC_URL, type MockWechatServer } from '../mock-wechat'
import { ADDRESS, addProduct, stockOf } from './order-fixtures'
import { boundShopper, unboundShopper, type Shopper } from './shopper'

/**
 * The /api/orders routes through the real app (inject) and the real mock WeChat, once per database:
 * `env` is added to the app's environment (DATABASE_URL for PostgreSQL), `before` runs before it is
 * built (to empty a PostgreSQL database).
 */
export function describeOrderRoutes(name: string, env: Record<string, string> = {}, before: () => Promise<void> = async () => {}): void {
  describe(name, () => {
    let app: App
    let mock: MockWechatServer
    beforeAll(async () => {
      await before()
      mock = sharedMockWechat()
      app = await build({ env, mock })
    })
    beforeEach(async () => {
      await mock.control('POST', '/reset')
    })
    afterAll(async () => {
      await app?.close()
    })

    const ordersOf = async (accountId: number) =>
      app.db.selectFrom('orders').selectAll().where('account_id', '=', accountId).execute()
    const place = (shopper: Shopper, body: object) => shopper.browser.post('/api/orders', body)
    /** An order of one line that must succeed. */
    async function placed(shopper: Shopper, productId: number, quantity = 1): Promise<Order> {
      const response = await place(shopper, { items: [{ productId, quantity }], address: ADDRESS })
      if (response.statusCode !== 201)
        throw new Error(`order failed (${response.statusCode}): ${response.body}`)
      return response.json()
    }

    describe('POST /api/orders', () => {
      it('should answer 201 with the catalog\'s names, covers and prices and reserve the stock when a bound shopper orders', async () => {
        const shopper = await boundShopper(app, mock)
        const tea = await addProduct(app.db, { name: '龙井茶', priceFen: 12800, stock: 10 })
        const cup = await addProduct(app.db, { name: '茶杯', priceFen: 1990, stock: 4 })
        const before = Date.now()
        const response = await place(shopper, { items: [{ productId: tea, quantity: 2 }, { productId: cup, quantity: 4 }], address: ADDRESS, remark: '  请下午送  ' })
        expect(response.statusCode, response.body).toBe(201)
        const order: Order = response.json()
        expect(order).toMatchObject({
          status: 'unpaid',
          totalFen: 2 * 12800 + 4 * 1990,
          address: ADDRESS,
          remark: '请下午送',
          paidAt: null,
          closedAt: null,
          closeReason: null,
          items: [
            { productId: tea, name: '龙井茶', coverImage: `/images/products/p${tea}-1.svg`, priceFen: 12800, quantity: 2, subtotalFen: 25600 },
            { productId: cup, name: '茶杯', coverImage: `/images/products/p${cup}-1.svg`, priceFen: 1990, quantity: 4, subtotalFen: 7960 },
          ],
        })
        expect(order.orderNo).toMatch(/^\d{8}\d{12}$/)
        const created = Date.parse(order.createdAt)
        expect(created).toBeGreaterThanOrEqual(before - 1)
        expect(Date.parse(order.expiresAt) - created).toBe(ORDER_PAY_MINUTES * 60_000)
        // the payer is the session's WeChat identity; it is stored, never sent back
        expect(JSON.stringify(order)).not.toContain(shopper.openid)
        const [row] = await ordersOf(shopper.accountId)
        expect(row).toMatchObject({ id: order.id, openid: shopper.openid, total_fen: order.totalFen })
        expect([await stockOf(app.db, tea), await stockOf(app.db, cup)]).toEqual([8, 0])
        // an unpaid order is not a sale: sales grow when it is paid (the pay side)
        const sales = await app.db.selectFrom('products').select('sales').where('id', 'in', [tea, cup]).execute()
        expect(sales.map(product => product.sales)).toEqual([0, 0])
      })

      it('should charge the catalog price when the body carries prices and totals of its own', async () => {
        const shopper = await boundShopper(app, mock)
        const tea = await addProduct(app.db, { name: '龙井茶', priceFen: 12800, stock: 10 })
        const response = await place(shopper, {
          items: [{ productId: tea, quantity: 1, priceFen: 1, subtotalFen: 1, name: '白送' }],
          address: { ...ADDRESS, openid: 'oSomeoneElse' },
          totalFen: 1,
          priceFen: 1,
          status: 'paid',
        })
        expect(response.statusCode, response.body).toBe(201)
        expect(response.json()).toMatchObject({ status: 'unpaid', totalFen: 12800, items: [{ name: '龙井茶', priceFen: 12800, subtotalFen: 12800 }], address: ADDRESS })
        const [row] = await ordersOf(shopper.accountId)
        expect(row).toMatchObject({ total_fen: 12800, status: 'unpaid', address: JSON.stringify(ADDRESS) })
      })

      it.each([
        ['0', 0],
        ['negative', -1],
        ['fractional', 1.5],
        ['over 99', 100],
        ['a string', '2'],
      ])('should answer 400 with the quantity rule and reserve nothing when the quantity is %s', async (_, quantity) => {
        const shopper = await boundShopper(app, mock)
        const tea = await addProduct(app.db, { name: '龙井茶', priceFen: 12800, stock: 200 })
        const response = await place(shopper, { items: [{ productId: tea, quantity }], address: ADDRESS })
        expect(response.statusCode).toBe(400)
        expect(response.json()).toEqual({ error: { code: 'VALIDATION', message: OrderMessage.QuantityInvalid } })
        expect(await stockOf(app.db, tea)).toBe(200)
        expect(await ordersOf(shopper.accountId)).toEqual([])
      })

      it('should answer 400 DuplicateProduct and reserve nothing when one product is on two lines', async () => {
        const shopper = await boundShopper(app, mock)
        const tea = await addProduct(app.db, { name: '龙井茶', priceFen: 12800, stock: 10 })
        const response = await place(shopper, { items: [{ productId: tea, quantity: 1 }, { productId: tea, quantity: 2 }], address: ADDRESS })
        expect(response.statusCode).toBe(400)
        expect(response.json()).toEqual({ error: { code: 'VALIDATION', message: OrderMessage.DuplicateProduct } })
        expect(await stockOf(app.db, tea)).toBe(10)
      })

      it('should answer 400 ProductMissing and reserve nothing when a product is not in the catalog', async () => {
        const shopper = await boundShopper(app, mock)
        const tea = await addProduct(app.db, { name: '龙井茶', priceFen: 12800, stock: 10 })
        const response = await place(shopper, { items: [{ productId: tea, quantity: 1 }, { productId: 987_654, quantity: 1 }], address: ADDRESS })
        expect(response.statusCode).toBe(400)
        expect(response.json()).toEqual({ error: { code: 'VALIDATION', message: OrderMessage.ProductMissing } })
        expect(await stockOf(app.db, tea)).toBe(10)
        expect(await ordersOf(shopper.accountId)).toEqual([])
      })

      it('should answer 409 OUT_OF_STOCK naming the product and keep every stock when one line is short', async () => {
        const shopper = await boundShopper(app, mock)
        const tea = await addProduct(app.db, { name: '龙井茶', priceFen: 12800, stock: 10 })
        const cup = await addProduct(app.db, { name: '茶杯', priceFen: 1990, stock: 2 })
        const response = await place(shopper, { items: [{ productId: tea, quantity: 5 }, { productId: cup, quantity: 3 }], address: ADDRESS })
        expect(response.statusCode).toBe(409)
        expect(response.json()).toEqual({ error: { code: 'OUT_OF_STOCK', message: outOfStockMessage('茶杯') } })
        expect([await stockOf(app.db, tea), await stockOf(app.db, cup)]).toEqual([10, 2])
        expect(await ordersOf(shopper.accountId)).toEqual([])
      })

      it('should give the last unit to exactly one of several shoppers when they order it at the same time', async () => {
        const shoppers = await Promise.all(Array.from({ length: 6 }, () => boundShopper(app, mock)))
        const last = await addProduct(app.db, { name: '限量茶饼', priceFen: 9900, stock: 1 })
        const responses = await Promise.all(shoppers.map(shopper => place(shopper, { items: [{ productId: last, quantity: 1 }], address: ADDRESS })))
        expect(responses.map(response => response.statusCode).sort()).toEqual([201, 409, 409, 409, 409, 409])
        for (const response of responses.filter(response => response.statusCode === 409))
          expect(response.json()).toEqual({ error: { code: 'OUT_OF_STOCK', message: outOfStockMessage('限量茶饼') } })
        expect(await stockOf(app.db, last)).toBe(0)
        const orders = await app.db.selectFrom('order_items').select('order_id').where('product_id', '=', last).execute()
        expect(orders).toHaveLength(1)
      })

      it('should answer in Chinese when the order has no lines or the address is incomplete', async () => {
        const shopper = await boundShopper(app, mock)
        const tea = await addProduct(app.db, { name: '龙井茶', priceFen: 12800, stock: 10 })
        const cases: Array<[object, string]> = [
          [{ items: [], address: ADDRESS }, OrderMessage.EmptyOrder],
          [{ address: ADDRESS }, OrderMessage.EmptyOrder],
          [{ items: [{ productId: tea, quantity: 1 }] }, OrderMessage.AddressRequired],
          [{ items: [{ productId: tea, quantity: 1 }], address: { ...ADDRESS, phone: '12345' } }, OrderMessage.AddressPhoneInvalid],
          [{ items: [{ productId: tea, quantity: 1 }], address: { ...ADDRESS, detail: '   ' } }, OrderMessage.AddressDetailInvalid],
          [{ items: [{ productId: tea, quantity: 1 }], address: { ...ADDRESS, city: undefined } }, OrderMessage.AddressRegionInvalid],
          [{ items: [{ productId: tea, quantity: 1 }], address: ADDRESS, remark: '长'.repeat(101) }, OrderMessage.RemarkTooLong],
        ]
        for (const [body, message] of cases) {
          const response = await place(shopper, body)
          expect(response.json(), JSON.stringify(body)).toEqual({ error: { code: 'VALIDATION', message } })
        }
        expect(await stockOf(app.db, tea)).toBe(10)
      })

      it('should answer 403 ACCOUNT_REQUIRED and create nothing when the WeChat user has no bound account', async () => {
        const browser = await unboundShopper(app, mock)
        const tea = await addProduct(app.db, { name: '龙井茶', priceFen: 12800, stock: 10 })
        const response = await browser.post('/api/orders', { items: [{ productId: tea, quantity: 1 }], address: ADDRESS })
        expect(response.statusCode).toBe(403)
        expect(response.json().error.code).toBe('ACCOUNT_REQUIRED')
        expect(await stockOf(app.db, tea)).toBe(10)
      })

      it('should answer 401 when there is no session', async () => {
        const tea = await addProduct(app.db, { name: '龙井茶', priceFen: 12800, stock: 10 })
        const response = await app.inject({ method: 'POST', url: '/api/orders', payload: { items: [{ productId: tea, quantity: 1 }], address: ADDRESS } })
        expect(response.statusCode).toBe(401)
        expect(response.json().error.code).toBe('UNAUTHORIZED')
      })

      it('should answer 403 and create nothing when another site posts the order', async () => {
        const shopper = await boundShopper(app, mock)
        const tea = await addProduct(app.db, { name: '龙井茶', priceFen: 12800, stock: 10 })
        const response = await shopper.browser.request({
          method: 'POST',
          url: '/api/orders',
          payload: { items: [{ productId: tea, quantity: 1 }], address: ADDRESS },
          headers: { origin: 'https://evil.example' },
        })
        expect(response.statusCode).toBe(403)
        expect(response.json().error.code).toBe('FORBIDDEN')
        expect(await stockOf(app.db, tea)).toBe(10)
        // the same request from the shop's own origin goes through
        const own = await shopper.browser.request({
          method: 'POST',
          url: '/api/orders',
          payload: { items: [{ productId: tea, quantity: 1 }], address: ADDRESS },
          headers: { origin: TEST_PUBLIC_URL },
        })
        expect(own.statusCode).toBe(201)
      })
    })

    describe('GET /api/orders', () => {
      it('should list only the shopper\'s own orders, newest first, by status and in pages', async () => {
        const shopper = await boundShopper(app, mock)
        const other = await boundShopper(app, mock)
        const tea = await addProduct(app.db, { name: '龙井茶', priceFen: 100, stock: 50 })
        const made: Order[] = []
        for (let i = 0; i < 5; i++)
          made.push(await placed(shopper, tea, i + 1))
        await placed(other, tea)
        // one closed, one paid (as the pay side would), three unpaid
        await closeUnpaidOrder(app.db, made[1]!.id, 'cancelled', new Date().toISOString())
        await app.db.updateTable('orders').set({ status: 'paid', paid_at: new Date().toISOString() }).where('id', '=', made[3]!.id).execute()

        const list = async (query: string): Promise<OrderList> => {
          const response = await shopper.browser.get(`/api/orders${query}`)
          expect(response.statusCode, response.body).toBe(200)
          expect(response.headers['cache-control']).toBe('no-store')
          return response.json()
        }
        const ids = (page: OrderList) => page.items.map(order => order.id)
        const newestFirst = made.map(order => order.id).reverse()

        const all = await list('')
        expect(all).toMatchObject({ page: 1, pageSize: 10, total: 5, hasMore: false })
        expect(ids(all)).toEqual(newestFirst)
        expect(all.items[0]).toEqual(made[4])

        expect(ids(await list('?status=unpaid'))).toEqual([made[4]!.id, made[2]!.id, made[0]!.id])
        expect((await list('?status=closed')).items).toMatchObject([{ id: made[1]!.id, status: 'closed', closeReason: 'cancelled' }])
        expect(ids(await list('?status=paid'))).toEqual([made[3]!.id])

        const first = await list('?pageSize=2')
        expect(first).toMatchObject({ page: 1, pageSize: 2, total: 5, hasMore: true })
        expect(ids(first)).toEqual(newestFirst.slice(0, 2))
        const third = await list('?pageSize=2&page=3')
        expect(third).toMatchObject({ page: 3, total: 5, hasMore: false })
        expect(ids(third)).toEqual(newestFirst.slice(4))
      })

      it('should answer 400 when the status or page is not one the schema allows', async () => {
        const shopper = await boundShopper(app, mock)
        expect((await shopper.browser.get('/api/orders?status=refunded')).statusCode).toBe(400)
        expect((await shopper.browser.get('/api/orders?pageSize=51')).statusCode).toBe(400)
        expect((await shopper.browser.get('/api/orders?page=0')).statusCode).toBe(400)
      })

      it('should answer 403 ACCOUNT_REQUIRED when the WeChat user has no bound account', async () => {
        const browser = await unboundShopper(app, mock)
        const response = await browser.get('/api/orders')
        expect(response.statusCode).toBe(403)
        expect(response.json().error.code).toBe('ACCOUNT_REQUIRED')
      })
    })

    describe('GET /api/orders/:id', () => {
      it('should answer the shopper\'s own order as it was created', async () => {
        const shopper = await boundShopper(app, mock)
        const tea = await addProduct(app.db, { name: '龙井茶', priceFen: 12800, stock: 10 })
        const order = await placed(shopper, tea, 3)
        // a later price change does not rewrite what was bought
        await app.db.updateTable('products').set({ price_fen: 1, name: '改名了' }).where('id', '=', tea).execute()
        const response = await shopper.browser.get(`/api/orders/${order.id}`)
        expect(response.statusCode).toBe(200)
        expect(response.json()).toEqual(order)
        expect(response.json().items[0]).toMatchObject({ name: '龙井茶', priceFen: 12800 })
      })

      it('should answer 404 exactly as for a missing order when the order is another shopper\'s', async () => {
        const owner = await boundShopper(app, mock)
        const stranger = await boundShopper(app, mock)
        const tea = await addProduct(app.db, { name: '龙井茶', priceFen: 12800, stock: 10 })
        const order = await placed(owner, tea)
        const foreign = await stranger.browser.get(`/api/orders/${order.id}`)
        const missing = await stranger.browser.get('/api/orders/99999999')
        expect(foreign.statusCode).toBe(404)
        expect(foreign.json()).toEqual({ error: { code: 'NOT_FOUND', message: '订单不存在' } })
        expect(missing.json()).toEqual(foreign.json())
        expect(foreign.body).not.toContain(order.orderNo)
      })

      it('should show an unpaid order past its expiry as stored until the sweep closes it', async () => {
        const shopper = await boundShopper(app, mock)
        const tea = await addProduct(app.db, { name: '龙井茶', priceFen: 12800, stock: 10 })
        const order = await placed(shopper, tea)
        await app.db.updateTable('orders').set({ expires_at: '2000-01-01T00:00:00.000Z' }).where('id', '=', order.id).execute()
        expect((await shopper.browser.get(`/api/orders/${order.id}`)).json()).toMatchObject({ status: 'unpaid', expiresAt: '2000-01-01T00:00:00.000Z' })
      })
    })
  })
}
