import { MOCK_MERCHANT, SIGNTEST_PREFIX } from '@wxshop/shared/wechat-pay'
import { describe, expect, it } from 'vitest'
import { useAppWithMockWechat } from '../helper'
import { orderMessageCount, orderRow, placeOrder, postV3Notify, product, shopper, transactionId, v3Notify, v3Transaction } from './pay-fixtures'

describe('POST /api/pay/notify/v3', () => {
  const stack = useAppWithMockWechat()

  async function unpaidOrder() {
    const who = await shopper(stack.app, stack.mock)
    const order = await placeOrder(stack.app, who, [[1, 2]])
    return { who, order }
  }

  it('should mark the order paid once, count its sales and queue one message when a signed notify arrives twice', async () => {
    const { app } = stack
    const { who, order } = await unpaidOrder()
    const before = await product(app, 1)
    const paid = v3Transaction(app, { orderNo: order.order_no, totalFen: order.total_fen, openid: who.openid, transactionId: transactionId() })

    const first = await postV3Notify(app, v3Notify(paid))
    const again = await postV3Notify(app, v3Notify(paid))

    expect(first.statusCode).toBe(204)
    expect(again.statusCode).toBe(204)
    const row = await orderRow(app, order.id)
    expect(row).toMatchObject({ status: 'paid', transaction_id: paid.transaction_id, paid_fen: order.total_fen })
    expect(row.paid_at).not.toBeNull()
    expect((await product(app, 1)).sales).toBe(before.sales + 2)
    expect(await orderMessageCount(app, order.id)).toBe(1)
  })

  it('should make one transition and queue one message when 50 duplicates arrive at once', async () => {
    const { app } = stack
    const { who, order } = await unpaidOrder()
    const before = await product(app, 1)
    const paid = v3Transaction(app, { orderNo: order.order_no, totalFen: order.total_fen, openid: who.openid })
    const answers = await Promise.all(Array.from({ length: 50 }, () => postV3Notify(app, v3Notify(paid))))
    expect(answers.map(a => a.statusCode)).toEqual(Array.from({ length: 50 }, () => 204))
    // one transition: the sales counted once, one message queued
    expect((await product(app, 1)).sales).toBe(before.sales + 2)
    expect(await orderMessageCount(app, order.id)).toBe(1)
  })

  it.each([
    ['a forged signature (the merchant\'s key, not WeChat Pay\'s)', { privateKey: MOCK_MERCHANT.privateKey }],
    ['a SIGNTEST probe', { signature: `${SIGNTEST_PREFIX}${Buffer.from('probe').toString('base64')}` }],
    ['a timestamp 301 s old', { timestampOffset: -301 }],
    ['a timestamp 301 s ahead', { timestampOffset: 301 }],
    ['a serial that is not WeChat Pay\'s', { serial: 'PUB_KEY_ID_0119000001092026113000000000000999' }],
  ])('should answer 401 FAIL and leave the order unpaid when the notify has %s', async (_, options) => {
    const { app } = stack
    const { who, order } = await unpaidOrder()
    const response = await postV3Notify(app, v3Notify(v3Transaction(app, { orderNo: order.order_no, totalFen: order.total_fen, openid: who.openid }), options))
    expect(response.statusCode).toBe(401)
    expect(response.json()).toEqual({ code: 'FAIL', message: '失败' })
    expect((await orderRow(app, order.id)).status).toBe('unpaid')
    expect(await orderMessageCount(app, order.id)).toBe(0)
  })

  it('should answer 401 when the signature headers are missing', async () => {
    const { app } = stack
    const { who, order } = await unpaidOrder()
    const notify = v3Notify(v3Transaction(app, { orderNo: order.order_no, totalFen: order.total_fen, openid: who.openid }))
    delete notify.headers['wechatpay-signature']
    expect((await postV3Notify(app, notify)).statusCode).toBe(401)
    expect((await orderRow(app, order.id)).status).toBe('unpaid')
  })

  it('should answer 400 when the resource does not decrypt with our APIv3 key', async () => {
    const { app } = stack
    const { who, order } = await unpaidOrder()
    const notify = v3Notify(v3Transaction(app, { orderNo: order.order_no, totalFen: order.total_fen, openid: who.openid }), { apiV3Key: 'someoneElsesApiV3Key000000000000' })
    expect((await postV3Notify(app, notify)).statusCode).toBe(400)
    expect((await orderRow(app, order.id)).status).toBe('unpaid')
  })

  it.each([
    ['an amount that is not the order\'s', (total: number) => ({ totalFen: total - 1 })],
    ['another merchant\'s mchid', () => ({ mchid: '1900000999' })],
    ['another appid', () => ({ appid: 'wx0000000000000bad' })],
  ])('should answer 400 FAIL and leave the order unpaid when the paid transaction has %s', async (_, change) => {
    const { app } = stack
    const { who, order } = await unpaidOrder()
    const paid = v3Transaction(app, { orderNo: order.order_no, totalFen: order.total_fen, openid: who.openid, ...change(order.total_fen) })
    const response = await postV3Notify(app, v3Notify(paid))
    expect(response.statusCode).toBe(400)
    expect(response.json()).toEqual({ code: 'FAIL', message: '失败' })
    expect((await orderRow(app, order.id)).status).toBe('unpaid')
    expect(await orderMessageCount(app, order.id)).toBe(0)
  })

  it('should mark a closed order paid (and take its stock again) when WeChat Pay reports it paid', async () => {
    const { app } = stack
    const { who, order } = await unpaidOrder()
    await app.db.updateTable('orders').set({ status: 'closed', closed_at: new Date().toISOString(), close_reason: 'expired' }).where('id', '=', order.id).execute()
    await app.db.updateTable('products').set(eb => ({ stock: eb('stock', '+', 2) })).where('id', '=', 1).execute()
    const before = await product(app, 1)
    const response = await postV3Notify(app, v3Notify(v3Transaction(app, { orderNo: order.order_no, totalFen: order.total_fen, openid: who.openid })))
    expect(response.statusCode).toBe(204)
    expect((await orderRow(app, order.id)).status).toBe('paid')
    expect(await product(app, 1)).toEqual({ stock: before.stock - 2, sales: before.sales + 2 })
  })
})
