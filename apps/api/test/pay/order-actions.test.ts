import { ErrorCode, OrderMessage } from '@wxshop/shared'
import { describe, expect, it } from 'vitest'
import { useAppWithMockWechat } from '../helper'
import { callCount, orderRow, payOnPhone, phoneOf, placeOrder, product, shopper } from './pay-fixtures'

describe('POST /api/orders/:id/cancel', () => {
  const stack = useAppWithMockWechat()

  it('should close the order at WeChat Pay and here, and give its stock back, when an unpaid order with a prepay is cancelled', async () => {
    const { app, mock } = stack
    const who = await shopper(app, mock)
    const order = await placeOrder(app, who, [[1, 3]])
    const params = (await who.browser.post(`/api/orders/${order.id}/pay`)).json()
    const reserved = await product(app, 1)

    const response = await who.browser.post(`/api/orders/${order.id}/cancel`)
    expect(response.statusCode).toBe(200)
    expect(response.json()).toMatchObject({ id: order.id, status: 'closed', closeReason: 'cancelled' })
    expect((await product(app, 1)).stock).toBe(reserved.stock + 3)
    expect((await orderRow(app, order.id)).wechat_closed_at).not.toBeNull()
    expect((await app.pay!.client.query(order.order_no))?.tradeState).toBe('CLOSED')
    // the phone cannot pay it any more
    expect((await payOnPhone(mock, await phoneOf(mock, who), params)).errMsg).toBe('get_brand_wcpay_request:fail')
  })

  it('should close an order that never reached WeChat Pay without asking it', async () => {
    const { app, mock } = stack
    const who = await shopper(app, mock)
    const order = await placeOrder(app, who)
    const response = await who.browser.post(`/api/orders/${order.id}/cancel`)
    expect(response.json()).toMatchObject({ status: 'closed' })
    expect(await callCount(mock, `/v3/pay/transactions/out-trade-no/${order.order_no}`)).toBe(0)
  })

  it('should answer 409 CannotCancelPaid and settle the order when it was paid at WeChat Pay before the notify came', async () => {
    const { app, mock } = stack
    const who = await shopper(app, mock)
    const order = await placeOrder(app, who)
    const params = (await who.browser.post(`/api/orders/${order.id}/pay`)).json()
    await payOnPhone(mock, await phoneOf(mock, who), params)

    const response = await who.browser.post(`/api/orders/${order.id}/cancel`)
    expect(response.statusCode).toBe(409)
    expect(response.json()).toEqual({ error: { code: ErrorCode.OrderState, message: OrderMessage.CannotCancelPaid } })
    expect((await orderRow(app, order.id)).status).toBe('paid')
  })

  it('should answer 502 and keep the order unpaid when WeChat Pay cannot confirm the close', async () => {
    const { app, mock } = stack
    const who = await shopper(app, mock)
    const order = await placeOrder(app, who)
    await who.browser.post(`/api/orders/${order.id}/pay`)
    await mock.control('POST', '/fail', { path: `/v3/pay/transactions/out-trade-no/${order.order_no}`, errcode: 500, times: 3 })
    const response = await who.browser.post(`/api/orders/${order.id}/cancel`)
    expect(response.statusCode).toBe(502)
    expect((await orderRow(app, order.id)).status).toBe('unpaid')
  })

  it('should answer 404 for another shopper\'s order', async () => {
    const { app, mock } = stack
    const order = await placeOrder(app, await shopper(app, mock))
    const other = await shopper(app, mock)
    expect((await other.browser.post(`/api/orders/${order.id}/cancel`)).statusCode).toBe(404)
    expect((await orderRow(app, order.id)).status).toBe('unpaid')
  })
})

describe('the pay sweep', () => {
  const stack = useAppWithMockWechat()

  it('should close an expired order at WeChat Pay and here, giving its stock back', async () => {
    const { app, mock } = stack
    const who = await shopper(app, mock)
    const order = await placeOrder(app, who, [[2, 2]])
    await who.browser.post(`/api/orders/${order.id}/pay`)
    const reserved = await product(app, 2)

    const notYet = await app.paySweep.run()
    expect((await orderRow(app, order.id)).status).toBe('unpaid')
    expect(notYet.closed).toBe(0)

    await app.paySweep.run(Date.parse(order.expires_at) + 1000)
    const row = await orderRow(app, order.id)
    expect(row).toMatchObject({ status: 'closed', close_reason: 'expired' })
    expect(row.wechat_closed_at).not.toBeNull()
    expect((await product(app, 2)).stock).toBe(reserved.stock + 2)
    expect((await app.pay!.client.query(order.order_no))?.tradeState).toBe('CLOSED')
  })

  it('should settle instead of closing when the expired order was paid at WeChat Pay', async () => {
    const { app, mock } = stack
    const who = await shopper(app, mock)
    const order = await placeOrder(app, who)
    const params = (await who.browser.post(`/api/orders/${order.id}/pay`)).json()
    await payOnPhone(mock, await phoneOf(mock, who), params)
    await app.paySweep.run(Date.parse(order.expires_at) + 1000)
    expect((await orderRow(app, order.id)).status).toBe('paid')
  })

  it('should leave an expired order unpaid for the next pass when WeChat Pay is down', async () => {
    const { app, mock } = stack
    const who = await shopper(app, mock)
    const order = await placeOrder(app, who)
    await who.browser.post(`/api/orders/${order.id}/pay`)
    await mock.control('POST', '/fail', { path: `/v3/pay/transactions/out-trade-no/${order.order_no}`, errcode: 500, times: 3 })
    await app.paySweep.run(Date.parse(order.expires_at) + 1000)
    expect((await orderRow(app, order.id)).status).toBe('unpaid')
    await app.paySweep.run(Date.parse(order.expires_at) + 1000)
    expect((await orderRow(app, order.id)).status).toBe('closed')
  })

  it('should settle an order whose notify never came', async () => {
    const { app, mock } = stack
    const who = await shopper(app, mock)
    const order = await placeOrder(app, who)
    const params = (await who.browser.post(`/api/orders/${order.id}/pay`)).json()
    await payOnPhone(mock, await phoneOf(mock, who), params)
    // a minute later: not yet asked about
    await app.paySweep.run(Date.now() + 60_000)
    expect((await orderRow(app, order.id)).status).toBe('unpaid')
    await app.paySweep.run(Date.now() + 3 * 60_000)
    expect((await orderRow(app, order.id)).status).toBe('paid')
  })
})
