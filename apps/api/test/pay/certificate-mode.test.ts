import { ErrorCode } from '@wxshop/shared'
import { MOCK_WECHAT_PAY_PLATFORM } from '@wxshop/shared/wechat-pay'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { App } from '../../src/app'
import { build } from '../helper'
import { startMockWechat, type MockWechatServer } from '../mock-wechat'
import { callCount, orderRow, placeOrder, postV3Notify, shopper, v3Notify, v3Transaction } from './pay-fixtures'

// A mock WeChat Pay of its own that signs with its platform certificate (Wechatpay-Serial is the
// certificate's serial, GET /v3/certificates is served), as merchants set up before public keys.

describe('WeChat Pay v3 in certificate mode', () => {
  let mock: MockWechatServer
  let app: App
  let publicKeyApp: App

  beforeAll(async () => {
    mock = await startMockWechat({ MOCK_WECHAT_PAY_PLATFORM_MODE: 'certificate' })
    app = await build({ mock, env: { WECHAT_PAY_PLATFORM_MODE: 'certificate' } })
    publicKeyApp = await build({ mock, env: { WECHAT_PAY_PLATFORM_MODE: 'public-key' } })
  }, 30_000)
  afterAll(async () => {
    await app?.close()
    await publicKeyApp?.close()
    await mock?.close()
  })

  it('should verify WeChat Pay\'s answers with the downloaded platform certificate, downloading it once', async () => {
    const who = await shopper(app, mock)
    for (const order of [await placeOrder(app, who), await placeOrder(app, who)]) {
      const response = await who.browser.post(`/api/orders/${order.id}/pay`)
      expect(response.statusCode).toBe(200)
    }
    expect(await callCount(mock, '/v3/certificates')).toBe(1)
  })

  it('should refuse answers signed under a serial it does not know (502, nothing stored)', async () => {
    const who = await shopper(publicKeyApp, mock)
    const order = await placeOrder(publicKeyApp, who)
    const calls = await callCount(mock, '/v3/pay/transactions/jsapi')
    const response = await who.browser.post(`/api/orders/${order.id}/pay`)
    expect(response.statusCode).toBe(502)
    // WeChat Pay answered 200 each time; each answer was disbelieved and the call made again
    expect(await callCount(mock, '/v3/pay/transactions/jsapi')).toBe(calls + 3)
    expect(response.json().error.code).toBe(ErrorCode.PayFailed)
    expect((await orderRow(publicKeyApp, order.id)).prepay_id).toBeNull()
  })

  it.each([
    ['the platform certificate\'s serial', MOCK_WECHAT_PAY_PLATFORM.certificateSerial],
    ['the public key\'s id (a migration under way)', MOCK_WECHAT_PAY_PLATFORM.publicKeyId],
  ])('should accept a notify signed under %s', async (_, serial) => {
    const who = await shopper(app, mock)
    const order = await placeOrder(app, who)
    const response = await postV3Notify(app, v3Notify(v3Transaction(app, { orderNo: order.order_no, totalFen: order.total_fen, openid: who.openid }), { serial }))
    expect(response.statusCode).toBe(204)
    expect((await orderRow(app, order.id)).status).toBe('paid')
  })
})
