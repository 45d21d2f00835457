import { parseXmlDocument } from '@wxshop/shared/wechat-message'
import { decryptResource, MOCK_MERCHANT, MOCK_WECHAT_PAY_PLATFORM, V2SignType, v3ResponseMessage, v3TimestampFresh, verifyV2, verifyV3 } from '@wxshop/shared/wechat-pay'
import { describe, expect, it } from 'vitest'
import { buildMockWechat } from '../../src/app'
import { loadMockConfig } from '../../src/config'
import { build, createClock } from '../helper'
import { type Answer, pause, type Received, startReceiver, waitUntil } from './notify-receiver'
import { bridgeComplete, bridgePay, jsapiBody, payerOnDevice, v2BridgeParams, v2Prepay, v3Request, validBridgeParams } from './pay-helper'

const XML_OK = '<xml><return_code><![CDATA[SUCCESS]]></return_code><return_msg><![CDATA[OK]]></return_msg></xml>'
// 15 s → 15 ms: the retries at 15, 30, 60, 240 ms …
const FAST = { MOCK_WECHAT_PAY_NOTIFY_TIME_SCALE: '0.001' }

function verifiesV3(request: Received): boolean {
  const h = request.headers
  return verifyV3(v3ResponseMessage(String(h['wechatpay-timestamp']), String(h['wechatpay-nonce']), request.body), String(h['wechatpay-signature']), MOCK_WECHAT_PAY_PLATFORM.publicKey)
}

async function paidV3(answer: (index: number, request: Received) => Answer, env: Record<string, string> = FAST) {
  const receiver = await startReceiver(answer)
  const { app, clock } = build({ env })
  await payerOnDevice(app)
  const { sheetTicket } = await validBridgeParams(app, (await v3Request(app, 'POST', '/v3/pay/transactions/jsapi', jsapiBody({ notify_url: receiver.url }))).json().prepay_id)
  await bridgeComplete(app, await sheetTicket())
  return { app, clock, receiver }
}

async function paidV2(signType: V2SignType, answer: (index: number, request: Received) => Answer) {
  const receiver = await startReceiver(answer)
  const { app } = build({ env: FAST })
  await payerOnDevice(app)
  const prepayId = await v2Prepay(app, signType, { notify_url: receiver.url })
  await bridgeComplete(app, (await bridgePay(app, { params: v2BridgeParams(app, prepayId, signType) })).json().sheet.ticket)
  return { app, receiver }
}

describe('v3 pay notify (WECHAT-PAY.md §B5)', () => {
  it('should send a notify signed by the platform key whose resource decrypts with the APIv3 key to the paid transaction', async () => {
    const { app, clock, receiver } = await paidV3(() => ({ status: 204 }))
    await waitUntil(() => receiver.received.length === 1)
    const [notify] = receiver.received
    expect(notify!.headers['wechatpay-serial']).toBe(MOCK_WECHAT_PAY_PLATFORM.publicKeyId)
    expect(notify!.headers['wechatpay-signature-type']).toBe('WECHATPAY2-SHA256-RSA2048')
    expect(notify!.headers['content-type']).toBe('application/json')
    expect(notify!.headers['request-id']).toMatch(/^\w+$/)
    expect(verifiesV3(notify!)).toBe(true)
    expect(v3TimestampFresh(String(notify!.headers['wechatpay-timestamp']), clock.now())).toBe(true)
    const envelope = JSON.parse(notify!.body)
    expect(envelope).toMatchObject({ resource_type: 'encrypt-resource', event_type: 'TRANSACTION.SUCCESS', summary: '支付成功', resource: { original_type: 'transaction', algorithm: 'AEAD_AES_256_GCM', associated_data: 'transaction' } })
    expect(envelope.resource.nonce).toHaveLength(12)
    const transaction = JSON.parse(decryptResource(MOCK_MERCHANT.apiV3Key, envelope.resource))
    const order = app.store.payOrders.get('WX20261130000001')!
    expect(transaction).toMatchObject({ mchid: MOCK_MERCHANT.mchId, appid: order.appid, out_trade_no: 'WX20261130000001', transaction_id: order.transaction_id, trade_state: 'SUCCESS', amount: { total: 3990, payer_total: 3990 }, payer: { openid: order.openid } })
    expect(() => decryptResource('y'.repeat(32), envelope.resource)).toThrow()
  })

  it('should name the platform certificate and sign with its key in certificate mode', async () => {
    const { receiver } = await paidV3(() => ({ status: 204 }), { ...FAST, MOCK_WECHAT_PAY_PLATFORM_MODE: 'certificate' })
    await waitUntil(() => receiver.received.length === 1)
    expect(receiver.received[0]!.headers['wechatpay-serial']).toBe(MOCK_WECHAT_PAY_PLATFORM.certificateSerial)
    expect(verifiesV3(receiver.received[0]!)).toBe(true)
  })

  it('should stop at the first acknowledgement: two failures, then 200, is three notifies', async () => {
    const { app, receiver } = await paidV3(index => ({ status: index < 2 ? 500 : 200, body: index < 2 ? '{"code":"FAIL","message":"失败"}' : '' }))
    await waitUntil(() => receiver.received.length === 3)
    // past the next retries (60 ms, 240 ms at this scale)
    await pause(400)
    expect(receiver.received).toHaveLength(3)
    const attempts = app.store.payOrders.get('WX20261130000001')!.notifyAttempts
    expect(attempts.map(a => [a.status, a.acknowledged])).toEqual([[500, false], [500, false], [200, true]])
    expect(attempts[0]!.body).toBe('{"code":"FAIL","message":"失败"}')
  })

  it('should re-sign each retry with a fresh nonce, each one verifying', async () => {
    const { receiver } = await paidV3(index => ({ status: index < 2 ? 500 : 204 }))
    await waitUntil(() => receiver.received.length === 3)
    expect(receiver.received.every(verifiesV3)).toBe(true)
    expect(new Set(receiver.received.map(r => r.headers['wechatpay-nonce'])).size).toBe(3)
  })

  it('should keep retrying while the shop answers 4xx/5xx', async () => {
    const { receiver } = await paidV3(() => ({ status: 400 }))
    await waitUntil(() => receiver.received.length >= 4)
  })

  it('should retry on WeChat Pay\'s schedule, not at once: nothing more before the first offset at scale 1', async () => {
    const { receiver } = await paidV3(() => ({ status: 500 }), {})
    await waitUntil(() => receiver.received.length === 1)
    await pause(300)
    expect(receiver.received).toHaveLength(1)
  })

  it('should send a SIGNTEST probe that does not verify', async () => {
    const { app, receiver } = await paidV3(index => ({ status: index === 0 ? 204 : 401 }))
    await waitUntil(() => receiver.received.length === 1)
    const response = await app.inject({ method: 'POST', url: '/__control/pay/notify', payload: { orderNo: 'WX20261130000001', kind: 'probe' } })
    expect(response.json().answers).toEqual([expect.objectContaining({ status: 401, acknowledged: false, kind: 'probe' })])
    const probe = receiver.received[1]!
    expect(String(probe.headers['wechatpay-signature'])).toMatch(/^WECHATPAY\/SIGNTEST\//)
    expect(verifiesV3(probe)).toBe(false)
  })

  it('should send `times` notifies at once and answer each', async () => {
    const { app, receiver } = await paidV3(() => ({ status: 200, delayMs: 100 }))
    await waitUntil(() => app.store.payOrders.get('WX20261130000001')!.notifyAttempts.length === 1)
    const response = await app.inject({ method: 'POST', url: '/__control/pay/notify', payload: { orderNo: 'WX20261130000001', kind: 'success', times: 5 } })
    expect(response.json().answers).toHaveLength(5)
    expect(response.json().answers.every((a: { status: number }) => a.status === 200)).toBe(true)
    expect(receiver.maxInFlight()).toBe(5)
    const listed = (await app.inject({ url: '/__control/pay/orders' })).json().orders[0]
    expect(listed.notifyAttempts).toHaveLength(6)
    expect(listed).toMatchObject({ trade_state: 'SUCCESS', notifyAcknowledged: true })
  })

  it('should refuse to notify an unpaid order', async () => {
    const { app } = build()
    await payerOnDevice(app)
    await validBridgeParams(app)
    const response = await app.inject({ method: 'POST', url: '/__control/pay/notify', payload: { orderNo: 'WX20261130000001', kind: 'success' } })
    expect(response.statusCode).toBe(409)
  })

  it('should count a shop that does not answer within the deadline as a failure', async () => {
    const receiver = await startReceiver(() => 'hang')
    const clock = createClock()
    const app = buildMockWechat(loadMockConfig(FAST), { now: clock.now, payNotifyTimeoutMs: 50 })
    try {
      await payerOnDevice(app)
      const prepayId = (await v3Request(app, 'POST', '/v3/pay/transactions/jsapi', jsapiBody({ notify_url: receiver.url }))).json().prepay_id
      const { sheetTicket } = await validBridgeParams(app, prepayId)
      await bridgeComplete(app, await sheetTicket())
      const order = app.store.payOrders.get('WX20261130000001')!
      await waitUntil(() => order.notifyAttempts.length >= 2)
      expect(order.notifyAttempts[0]).toMatchObject({ status: null, acknowledged: false, error: 'no answer within 50 ms' })
    } finally {
      await app.close()
    }
  })
})

describe('v2 pay notify (WECHAT-PAY.md §A4)', () => {
  it.each([V2SignType.Md5, V2SignType.HmacSha256])('should send every field of the payment signed with the order\'s sign type (%s)', async (signType) => {
    const { app, receiver } = await paidV2(signType, () => ({ status: 200, body: XML_OK }))
    await waitUntil(() => receiver.received.length === 1)
    const fields = parseXmlDocument(receiver.received[0]!.body) as Record<string, string>
    const order = app.store.payOrders.get('WX20261130000002')!
    expect(fields).toMatchObject({ return_code: 'SUCCESS', result_code: 'SUCCESS', appid: order.appid, mch_id: MOCK_MERCHANT.mchId, openid: order.openid, trade_type: 'JSAPI', total_fee: '2590', cash_fee: '2590', fee_type: 'CNY', transaction_id: order.transaction_id, out_trade_no: 'WX20261130000002', is_subscribe: 'Y' })
    expect(fields.time_end).toMatch(/^\d{14}$/)
    expect(fields.sign_type).toBe(signType === V2SignType.HmacSha256 ? 'HMAC-SHA256' : undefined)
    expect(verifyV2(fields, MOCK_MERCHANT.apiV2Key, signType)).toBe(true)
  })

  it('should count a plain `success` as a failure and retry until an XML SUCCESS', async () => {
    const { app, receiver } = await paidV2(V2SignType.Md5, index => ({ status: 200, body: index < 2 ? 'success' : XML_OK }))
    await waitUntil(() => receiver.received.length === 3)
    await pause(400)
    expect(receiver.received).toHaveLength(3)
    expect(app.store.payOrders.get('WX20261130000002')!.notifyAttempts.map(a => a.acknowledged)).toEqual([false, false, true])
  })

  it.each([
    ['JSON', '{"return_code":"SUCCESS"}'],
    ['HTML', '<html><body>SUCCESS</body></html>'],
    ['return_code FAIL', '<xml><return_code><![CDATA[FAIL]]></return_code><return_msg><![CDATA[签名失败]]></return_msg></xml>'],
    ['the XML with characters after it', `${XML_OK}ok`],
  ])('should not take %s as an acknowledgement', async (_name, body) => {
    const { app, receiver } = await paidV2(V2SignType.Md5, index => ({ status: 200, body: index === 0 ? XML_OK : body }))
    await waitUntil(() => receiver.received.length === 1)
    const response = await app.inject({ method: 'POST', url: '/__control/pay/notify', payload: { orderNo: 'WX20261130000002', kind: 'success' } })
    expect(response.json().answers[0]).toMatchObject({ status: 200, body, acknowledged: false })
  })

  it('should send a probe whose sign does not verify', async () => {
    const { app, receiver } = await paidV2(V2SignType.HmacSha256, () => ({ status: 200, body: XML_OK }))
    await waitUntil(() => receiver.received.length === 1)
    await app.inject({ method: 'POST', url: '/__control/pay/notify', payload: { orderNo: 'WX20261130000002', kind: 'probe' } })
    const fields = parseXmlDocument(receiver.received[1]!.body) as Record<string, string>
    expect(fields.sign).toMatch(/^[0-9A-F]{64}$/)
    expect(verifyV2(fields, MOCK_MERCHANT.apiV2Key, V2SignType.HmacSha256)).toBe(false)
  })
})
