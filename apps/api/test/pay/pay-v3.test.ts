import { ErrorCode, OrderMessage } from '@wxshop/shared'
import { MOCK_MERCHANT, verifyV3PaySign } from '@wxshop/shared/wechat-pay'
import { describe, expect, it } from 'vitest'
import { useAppWithMockWechat } from '../helper'
import { callCount, orderMessageCount, orderRow, payOnPhone, phoneOf, placeOrder, product, shopper } from './pay-fixtures'

const JSAPI = '/v3/pay/transactions/jsapi'

describe('POST /api/orders/:id/pay (v3)', () => {
  const stack = useAppWithMockWechat()

  it('should answer six strings the WeChat client accepts, and settle the order by query after :ok', async () => {
    const { app, mock } = stack
    const who = await shopper(app, mock)
    const order = await placeOrder(app, who, [[1, 2], [3, 1]])
    const before = await product(app, 1)

    const response = await who.browser.post(`/api/orders/${order.id}/pay`)
    expect(response.statusCode).toBe(200)
    const params = response.json()
    expect(Object.keys(params).sort()).toEqual(['appId', 'nonceStr', 'package', 'paySign', 'signType', 'timeStamp'])
    expect(Object.values(params).every(value => typeof value === 'string')).toBe(true)
    expect(params).toMatchObject({ appId: app.config.wechat.appId, signType: 'RSA', timeStamp: expect.stringMatching(/^\d{10}$/), package: expect.stringMatching(/^prepay_id=/) })
    expect(verifyV3PaySign(params, MOCK_MERCHANT.publicKey)).toBe(true)

    const paid = await payOnPhone(mock, await phoneOf(mock, who), params)
    expect(paid).toMatchObject({ errMsg: 'get_brand_wcpay_request:ok', totalFen: order.total_fen })

    // the notify cannot reach app.inject: the order page's polling settles it by query
    const synced = await who.browser.post(`/api/orders/${order.id}/sync`)
    expect(synced.statusCode).toBe(200)
    expect(synced.json()).toMatchObject({ id: order.id, status: 'paid' })
    expect((await product(app, 1)).sales).toBe(before.sales + 2)
    expect(await orderMessageCount(app, order.id)).toBe(1)
  })

  it('should reuse the stored prepay_id when the order is paid for again', async () => {
    const { app, mock } = stack
    const who = await shopper(app, mock)
    const order = await placeOrder(app, who)
    const first = (await who.browser.post(`/api/orders/${order.id}/pay`)).json()
    const second = (await who.browser.post(`/api/orders/${order.id}/pay`)).json()
    expect(second.package).toBe(first.package)
    expect(second.nonceStr).not.toBe(first.nonceStr)
    expect(await callCount(mock, JSAPI)).toBe(1)
    expect(await orderRow(app, order.id)).toMatchObject({ pay_version: 'v3', prepay_id: first.package.slice('prepay_id='.length) })
  })

  it('should send the order\'s own total, description and payer to WeChat Pay whatever the browser sends', async () => {
    const { app, mock } = stack
    const who = await shopper(app, mock)
    const order = await placeOrder(app, who, [[2, 3]])
    const response = await who.browser.post(`/api/orders/${order.id}/pay`, { totalFen: 1, openid: 'oSomeoneElse' })
    expect(response.statusCode).toBe(200)
    const paid = await payOnPhone(mock, await phoneOf(mock, who), response.json(), 'cancel')
    expect(paid.totalFen).toBe(order.total_fen)
    const transaction = await app.pay!.client.query(order.order_no)
    expect(transaction).toMatchObject({ tradeState: 'NOTPAY', payerOpenid: who.openid, totalFen: order.total_fen })
  })

  it('should answer 404 when the order is another shopper\'s or does not exist', async () => {
    const { app, mock } = stack
    const owner = await shopper(app, mock)
    const other = await shopper(app, mock)
    const order = await placeOrder(app, owner)
    for (const url of [`/api/orders/${order.id}/pay`, '/api/orders/999999/pay']) {
      const response = await other.browser.post(url)
      expect(response.statusCode).toBe(404)
      expect(response.json().error.code).toBe(ErrorCode.NotFound)
    }
    expect(await callCount(mock, JSAPI)).toBe(0)
  })

  it.each([
    ['paid', OrderMessage.AlreadyPaid],
    ['closed', OrderMessage.AlreadyClosed],
  ] as const)('should answer 409 ORDER_STATE when the order is %s', async (status, message) => {
    const { app, mock } = stack
    const who = await shopper(app, mock)
    const order = await placeOrder(app, who)
    await app.db.updateTable('orders').set({ status }).where('id', '=', order.id).execute()
    const response = await who.browser.post(`/api/orders/${order.id}/pay`)
    expect(response.statusCode).toBe(409)
    expect(response.json()).toEqual({ error: { code: ErrorCode.OrderState, message } })
    expect(await callCount(mock, JSAPI)).toBe(0)
  })

  it('should answer 409 and close the order when it has expired', async () => {
    const { app, mock } = stack
    const who = await shopper(app, mock)
    const order = await placeOrder(app, who, [[1, 1]], -1000)
    const response = await who.browser.post(`/api/orders/${order.id}/pay`)
    expect(response.statusCode).toBe(409)
    expect(response.json().error.message).toBe(OrderMessage.AlreadyClosed)
    expect((await orderRow(app, order.id)).status).toBe('closed')
  })

  it('should answer 502 PAY_FAILED and keep the order payable when WeChat Pay fails', async () => {
    const { app, mock } = stack
    const who = await shopper(app, mock)
    const order = await placeOrder(app, who)
    await mock.control('POST', '/fail', { path: JSAPI, errcode: 500, times: 3 })
    const failed = await who.browser.post(`/api/orders/${order.id}/pay`)
    expect(failed.statusCode).toBe(502)
    expect(failed.json()).toEqual({ error: { code: ErrorCode.PayFailed, message: OrderMessage.PayUnavailable } })
    expect(await orderRow(app, order.id)).toMatchObject({ status: 'unpaid', prepay_id: null })

    const later = await who.browser.post(`/api/orders/${order.id}/pay`)
    expect(later.statusCode).toBe(200)
  })

  it('should settle the order and answer 409 when WeChat Pay says it is paid already', async () => {
    const { app, mock } = stack
    const who = await shopper(app, mock)
    const order = await placeOrder(app, who)
    const params = (await who.browser.post(`/api/orders/${order.id}/pay`)).json()
    expect((await payOnPhone(mock, await phoneOf(mock, who), params)).errMsg).toBe('get_brand_wcpay_request:ok')
    // the stored prepay is too old to reuse: unified order again, which WeChat Pay refuses as paid
    await app.db.updateTable('orders').set({ prepay_expires_at: new Date().toISOString() }).where('id', '=', order.id).execute()

    const response = await who.browser.post(`/api/orders/${order.id}/pay`)
    expect(response.statusCode).toBe(409)
    expect(response.json().error.message).toBe(OrderMessage.AlreadyPaid)
    expect((await orderRow(app, order.id)).status).toBe('paid')
  })

  it('should ask WeChat Pay at most once per few seconds however often the order page polls', async () => {
    const { app, mock } = stack
    const who = await shopper(app, mock)
    const order = await placeOrder(app, who)
    await who.browser.post(`/api/orders/${order.id}/pay`)
    for (let i = 0; i < 5; i++)
      expect((await who.browser.post(`/api/orders/${order.id}/sync`)).json()).toMatchObject({ id: order.id, status: 'unpaid' })
    expect(await callCount(mock, `/v3/pay/transactions/out-trade-no/${order.order_no}`)).toBe(1)
  })

  it('should not ask WeChat Pay about an order it never saw', async () => {
    const { app, mock } = stack
    const who = await shopper(app, mock)
    const order = await placeOrder(app, who)
    expect((await who.browser.post(`/api/orders/${order.id}/sync`)).json()).toMatchObject({ status: 'unpaid' })
    expect(await callCount(mock, `/v3/pay/transactions/out-trade-no/${order.order_no}`)).toBe(0)
  })
})
