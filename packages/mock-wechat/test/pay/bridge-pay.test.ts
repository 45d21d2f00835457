import { formatV3Time, MOCK_MERCHANT, prepayPackage, V2SignType, v3PaySign } from '@wxshop/shared/wechat-pay'
import { generateKeyPairSync } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { build } from '../helper'
import { bridgeComplete, bridgePay, DEVICE, OTHER_DEVICE, OTHER_USER, payerOnDevice, SHOP, v2BridgeParams, v2Prepay, v3Prepay, v3Request, validBridgeParams } from './pay-helper'

const MISSING = (name: string) => `调用支付JSAPI缺少参数：${name}`
const TOTAL_FEE = '调用支付JSAPI缺少参数：total_fee'
const BAD_SIGN = '支付验证签名失败'
const FAIL = 'get_brand_wcpay_request:fail'
const CANCEL = 'get_brand_wcpay_request:cancel'
const OTHER_USER_DIALOG = '支付失败：当前微信用户与下单用户不一致，请使用下单时的微信号支付'

async function refusal(app: Parameters<typeof bridgePay>[0], payload: Record<string, unknown>) {
  const response = await bridgePay(app, payload)
  expect(response.statusCode).toBe(200)
  return response.json() as { ok: boolean, errMsg: string, dialog: string | null }
}

describe('POST /__bridge/pay: the checks of WECHAT-PAY.md §D, in order', () => {
  it('should open a pay sheet with the merchant name, the order description and amount when every check passes', async () => {
    const { app } = build({ env: { MOCK_WECHAT_PAY_MERCHANT_NAME: '微选好物旗舰店' } })
    await payerOnDevice(app)
    const { params } = await validBridgeParams(app)
    const body = (await bridgePay(app, { params })).json()
    expect(body).toEqual({ ok: true, sheet: { ticket: expect.stringMatching(/^[0-9a-f]{32}$/), merchantName: '微选好物旗舰店', description: '微选好物-订单 WX0001', totalFen: 3990 } })
  })

  it.each(['appId', 'timeStamp', 'nonceStr', 'package', 'signType', 'paySign'])('should name %s when it is missing (2)', async (name) => {
    const { app } = build()
    await payerOnDevice(app)
    const { params } = await validBridgeParams(app)
    expect(await refusal(app, { params: { ...params, [name]: undefined } })).toEqual({ ok: false, errMsg: FAIL, dialog: MISSING(name) })
  })

  it.each([
    ['a number', (t: string) => Number(t)],
    ['milliseconds (13 digits)', (t: string) => `${t}000`],
  ])('should count a timeStamp given as %s as missing (2)', async (_name, change) => {
    const { app } = build()
    await payerOnDevice(app)
    const { params } = await validBridgeParams(app)
    expect((await refusal(app, { params: { ...params, timeStamp: change(params.timeStamp) } })).dialog).toBe(MISSING('timeStamp'))
  })

  it('should check the params (2) before the page URL (3)', async () => {
    const { app } = build()
    await payerOnDevice(app)
    const { params } = await validBridgeParams(app)
    const answer = await refusal(app, { params: { ...params, nonceStr: 42 }, pageUrl: 'http://elsewhere.example.com/pay' })
    expect(answer.dialog).toBe(MISSING('nonceStr'))
  })

  it('should refuse a page outside the registered pay directory with its URL (3), before the order (4)', async () => {
    const { app } = build({ env: { MOCK_WECHAT_PAY_DIRECTORIES: 'http://localhost:3000/pay/' } })
    await payerOnDevice(app)
    const { params } = await validBridgeParams(app)
    const outside = `${SHOP}/orders/1/pay`
    expect(await refusal(app, { params: { ...params, package: 'prepay_id=wxunknown' }, pageUrl: outside })).toEqual({ ok: false, errMsg: FAIL, dialog: `当前页面的URL未注册：${outside}` })
    expect((await bridgePay(app, { params, pageUrl: `${SHOP}/pay/1` })).json().ok).toBe(true)
    // a multi-level entry must equal the page's directory: a deeper page is not under it
    expect((await refusal(app, { params, pageUrl: `${SHOP}/pay/orders/1` })).dialog).toBe(`当前页面的URL未注册：${SHOP}/pay/orders/1`)
  })

  it.each([
    ['a package that is not prepay_id=…', (p: string) => p.replace('prepay_id=', 'prepay=')],
    ['a prepay_id WeChat Pay never issued', () => prepayPackage('wx20261130000000000000000000000000000')],
  ])('should answer the total_fee dialog for %s (4)', async (_name, change) => {
    const { app } = build()
    await payerOnDevice(app)
    const { params } = await validBridgeParams(app)
    const unsigned = { ...params, package: change(params.package) }
    expect(await refusal(app, { params: { ...unsigned, paySign: v3PaySign(unsigned, MOCK_MERCHANT.privateKey) } })).toEqual({ ok: false, errMsg: FAIL, dialog: TOTAL_FEE })
  })

  it('should answer the total_fee dialog for a prepay_id 2 hours old (4)', async () => {
    const { app, clock } = build()
    await payerOnDevice(app)
    const prepayId = await v3Prepay(app)
    clock.advance(2 * 3600 * 1000)
    const { params } = await validBridgeParams(app, prepayId)
    expect((await refusal(app, { params })).dialog).toBe(TOTAL_FEE)
  })

  it('should answer the total_fee dialog after POST /__control/expire prepay_id, and take the new prepay_id unified order then issues', async () => {
    const { app } = build()
    await payerOnDevice(app)
    const prepayId = await v3Prepay(app)
    const expired = await app.inject({ method: 'POST', url: '/__control/expire', payload: { what: 'prepay_id' } })
    expect(expired.statusCode).toBe(200)
    expect((await refusal(app, { params: (await validBridgeParams(app, prepayId)).params })).dialog).toBe(TOTAL_FEE)
    const renewed = await v3Prepay(app)
    expect(renewed).not.toBe(prepayId)
    expect((await bridgePay(app, { params: (await validBridgeParams(app, renewed)).params })).json().ok).toBe(true)
  })

  it('should answer the total_fee dialog once the order\'s time_expire has passed (4)', async () => {
    const { app, clock } = build()
    await payerOnDevice(app)
    const prepayId = await v3Prepay(app, { time_expire: formatV3Time(clock.now() + 60_000) })
    clock.advance(60_000)
    const { params } = await validBridgeParams(app, prepayId)
    expect((await refusal(app, { params })).dialog).toBe(TOTAL_FEE)
  })

  it('should answer the total_fee dialog for a closed order (4)', async () => {
    const { app } = build()
    await payerOnDevice(app)
    const prepayId = await v3Prepay(app)
    await v3Request(app, 'POST', '/v3/pay/transactions/out-trade-no/WX20261130000001/close', { mchid: MOCK_MERCHANT.mchId })
    const { params } = await validBridgeParams(app, prepayId)
    expect((await refusal(app, { params })).dialog).toBe(TOTAL_FEE)
  })

  it('should answer the total_fee dialog for a paid order (4)', async () => {
    const { app } = build()
    await payerOnDevice(app)
    const prepayId = await v3Prepay(app)
    const first = await validBridgeParams(app, prepayId)
    await bridgeComplete(app, await first.sheetTicket())
    const { params } = await validBridgeParams(app, prepayId)
    expect((await refusal(app, { params })).dialog).toBe(TOTAL_FEE)
  })

  it('should refuse another appId (5) before looking at the user (6)', async () => {
    const { app } = build()
    await payerOnDevice(app)
    await payerOnDevice(app, OTHER_DEVICE, OTHER_USER)
    const { params } = await validBridgeParams(app)
    const unsigned = { ...params, appId: 'wx0000000000000001' }
    const answer = await refusal(app, { device: OTHER_DEVICE, params: { ...unsigned, paySign: v3PaySign(unsigned, MOCK_MERCHANT.privateKey) } })
    expect(answer).toEqual({ ok: false, errMsg: FAIL, dialog: TOTAL_FEE })
  })

  it('should refuse a phone whose WeChat user is not the order\'s payer (6), before the sign checks (7)', async () => {
    const { app } = build()
    await payerOnDevice(app)
    await payerOnDevice(app, OTHER_DEVICE, OTHER_USER)
    const { params } = await validBridgeParams(app)
    expect(await refusal(app, { device: OTHER_DEVICE, params: { ...params, signType: 'MD5' } })).toEqual({ ok: false, errMsg: FAIL, dialog: OTHER_USER_DIALOG })
  })

  it('should refuse a phone that never signed in (6)', async () => {
    const { app } = build()
    await payerOnDevice(app)
    const { params } = await validBridgeParams(app)
    expect((await refusal(app, { device: 'abcdefabcdefabcdefabcdefabcdefab', params })).dialog).toBe(OTHER_USER_DIALOG)
  })

  it('should refuse a v3 signType other than RSA (7) with the sign dialog, then :cancel', async () => {
    const { app } = build()
    await payerOnDevice(app)
    const { params } = await validBridgeParams(app)
    expect(await refusal(app, { params: { ...params, signType: 'MD5' } })).toEqual({ ok: false, errMsg: CANCEL, dialog: BAD_SIGN })
  })

  it('should refuse a v3 paySign made with another key (8)', async () => {
    const { app } = build()
    await payerOnDevice(app)
    const { params } = await validBridgeParams(app)
    const other = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey
    expect(await refusal(app, { params: { ...params, paySign: v3PaySign(params, other) } })).toEqual({ ok: false, errMsg: CANCEL, dialog: BAD_SIGN })
  })

  it('should refuse a v3 paySign over other params (8): the nonceStr changed after signing', async () => {
    const { app } = build()
    await payerOnDevice(app)
    const { params } = await validBridgeParams(app)
    expect((await refusal(app, { params: { ...params, nonceStr: `${params.nonceStr}x` } })).dialog).toBe(BAD_SIGN)
  })

  it.each([V2SignType.Md5, V2SignType.HmacSha256])('should take a v2 %s order paid with its own sign type and refuse the other (7)', async (signType) => {
    const { app } = build()
    await payerOnDevice(app)
    const prepayId = await v2Prepay(app, signType)
    expect((await bridgePay(app, { params: v2BridgeParams(app, prepayId, signType) })).json().ok).toBe(true)
    const other = signType === V2SignType.Md5 ? V2SignType.HmacSha256 : V2SignType.Md5
    expect(await refusal(app, { params: v2BridgeParams(app, prepayId, other) })).toEqual({ ok: false, errMsg: CANCEL, dialog: BAD_SIGN })
  })

  it('should refuse a v2 paySign made with another key (8)', async () => {
    const { app } = build()
    await payerOnDevice(app)
    const prepayId = await v2Prepay(app)
    const params = v2BridgeParams(app, prepayId)
    expect((await refusal(app, { params: { ...params, paySign: params.paySign.replace(/^./, c => (c === 'A' ? 'B' : 'A')) } })).dialog).toBe(BAD_SIGN)
  })

  it('should fail once with no dialog after the checks pass when a failure is queued, and not spend it on a refused call', async () => {
    const { app } = build()
    await payerOnDevice(app)
    const { params } = await validBridgeParams(app)
    await app.inject({ method: 'POST', url: '/__control/pay/next-result', payload: { result: 'fail' } })
    expect((await refusal(app, { params: { ...params, signType: 'MD5' } })).dialog).toBe(BAD_SIGN)
    expect(await refusal(app, { params })).toEqual({ ok: false, errMsg: FAIL, dialog: null })
    expect((await bridgePay(app, { params })).json().ok).toBe(true)
  })

  it('should answer only the shop\'s pages', async () => {
    const { app } = build()
    const response = await app.inject({ method: 'POST', url: '/__bridge/pay', headers: { origin: 'https://evil.example.com' }, payload: { device: DEVICE, client: 'ios', pageUrl: SHOP, params: {} } })
    expect(response.statusCode).toBe(403)
  })
})

describe('POST /__bridge/pay/complete', () => {
  it('should make the order SUCCESS on confirm and answer :ok', async () => {
    const { app } = build()
    await payerOnDevice(app)
    const { sheetTicket } = await validBridgeParams(app)
    expect((await bridgeComplete(app, await sheetTicket())).json()).toEqual({ errMsg: 'get_brand_wcpay_request:ok' })
    const order = app.store.payOrders.get('WX20261130000001')!
    expect(order.trade_state).toBe('SUCCESS')
    expect(order.transaction_id).toMatch(/^4200\d{24}$/)
  })

  it('should leave the order unpaid on cancel, and let it be paid later', async () => {
    const { app } = build()
    await payerOnDevice(app)
    const { sheetTicket } = await validBridgeParams(app)
    expect((await bridgeComplete(app, await sheetTicket(), 'cancel')).json()).toEqual({ errMsg: CANCEL })
    expect(app.store.payOrders.get('WX20261130000001')!.trade_state).toBe('NOTPAY')
    expect((await bridgeComplete(app, await sheetTicket())).json().errMsg).toBe('get_brand_wcpay_request:ok')
  })

  it('should answer 404 for a ticket used once already', async () => {
    const { app } = build()
    await payerOnDevice(app)
    const { sheetTicket } = await validBridgeParams(app)
    const ticket = await sheetTicket()
    await bridgeComplete(app, ticket, 'cancel')
    expect((await bridgeComplete(app, ticket)).statusCode).toBe(404)
  })

  it('should answer 404 for a ticket older than 10 minutes', async () => {
    const { app, clock } = build()
    await payerOnDevice(app)
    const { sheetTicket } = await validBridgeParams(app)
    const ticket = await sheetTicket()
    clock.advance(10 * 60 * 1000)
    expect((await bridgeComplete(app, ticket)).statusCode).toBe(404)
    expect(app.store.payOrders.get('WX20261130000001')!.trade_state).toBe('NOTPAY')
  })
})
