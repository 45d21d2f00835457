import { ErrorCode, OrderMessage } from '@wxshop/shared'
import { MOCK_MERCHANT, v2PaySign } from '@wxshop/shared/wechat-pay'
import { describe, expect, it } from 'vitest'
import { useAppWithMockWechat } from '../helper'
import { callCount, orderRow, payOnPhone, phoneOf, placeOrder, shopper } from './pay-fixtures'

describe.each(['MD5', 'HMAC-SHA256'] as const)('POST /api/orders/:id/pay (v2, %s)', (signType) => {
  const stack = useAppWithMockWechat({ env: { WECHAT_PAY_VERSION: 'v2', WECHAT_PAY_SIGN_TYPE: signType } })

  it('should answer six strings signed with the configured sign type that the WeChat client accepts, then settle by query', async () => {
    const { app, mock } = stack
    const who = await shopper(app, mock)
    const order = await placeOrder(app, who, [[3, 2]])
    const response = await who.browser.post(`/api/orders/${order.id}/pay`)
    expect(response.statusCode).toBe(200)
    const params = response.json()
    expect(params).toMatchObject({ appId: app.config.wechat.appId, signType, timeStamp: expect.stringMatching(/^\d{10}$/), package: expect.stringMatching(/^prepay_id=/) })
    const { paySign, ...unsigned } = params
    expect(paySign).toBe(v2PaySign(unsigned, MOCK_MERCHANT.apiV2Key))

    const paid = await payOnPhone(mock, await phoneOf(mock, who), params)
    expect(paid).toMatchObject({ errMsg: 'get_brand_wcpay_request:ok', totalFen: order.total_fen })
    const synced = await who.browser.post(`/api/orders/${order.id}/sync`)
    expect(synced.json()).toMatchObject({ status: 'paid' })
    expect(await orderRow(app, order.id)).toMatchObject({ status: 'paid', pay_version: 'v2', paid_fen: order.total_fen })
  })

  it('should reuse the stored prepay_id and close it at WeChat Pay when the order is cancelled', async () => {
    const { app, mock } = stack
    const who = await shopper(app, mock)
    const order = await placeOrder(app, who)
    const first = (await who.browser.post(`/api/orders/${order.id}/pay`)).json()
    const second = (await who.browser.post(`/api/orders/${order.id}/pay`)).json()
    expect(second.package).toBe(first.package)
    expect(await callCount(mock, '/pay/unifiedorder')).toBe(1)

    expect((await who.browser.post(`/api/orders/${order.id}/cancel`)).json()).toMatchObject({ status: 'closed' })
    expect((await app.pay!.client.query(order.order_no))?.tradeState).toBe('CLOSED')
    expect((await payOnPhone(mock, await phoneOf(mock, who), first)).errMsg).toBe('get_brand_wcpay_request:fail')
  })

  it('should answer 502 PAY_FAILED and keep the order payable when WeChat Pay answers SYSTEMERROR', async () => {
    const { app, mock } = stack
    const who = await shopper(app, mock)
    const order = await placeOrder(app, who)
    await mock.control('POST', '/fail', { path: '/pay/unifiedorder', errcode: 500, errmsg: 'SYSTEMERROR', times: 3 })
    const failed = await who.browser.post(`/api/orders/${order.id}/pay`)
    expect(failed.statusCode).toBe(502)
    expect(failed.json()).toEqual({ error: { code: ErrorCode.PayFailed, message: OrderMessage.PayUnavailable } })
    expect((await who.browser.post(`/api/orders/${order.id}/pay`)).statusCode).toBe(200)
  })
})
