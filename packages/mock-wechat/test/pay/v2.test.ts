import { buildXml, parseXmlDocument } from '@wxshop/shared/wechat-message'
import { MOCK_MERCHANT, signV2, V2SignType, verifyV2 } from '@wxshop/shared/wechat-pay'
import { describe, expect, it } from 'vitest'
import { build } from '../helper'
import { bridgeComplete, bridgePay, createUsers, payerOnDevice, unifiedOrderFields, v2BridgeParams, v2Call, v2Prepay } from './pay-helper'

const NO = 'WX20261130000002'

function fieldsOf(body: string) {
  return parseXmlDocument(body) as Record<string, string>
}

describe('POST /pay/unifiedorder (WECHAT-PAY.md §A2)', () => {
  it.each([V2SignType.Md5, V2SignType.HmacSha256])('should answer a prepay_id signed with the request\'s sign type (%s)', async (signType) => {
    const { app } = build()
    await createUsers(app)
    const { response, fields } = await v2Call(app, '/pay/unifiedorder', unifiedOrderFields(), signType)
    expect(response.statusCode).toBe(200)
    expect(fields).toMatchObject({ return_code: 'SUCCESS', result_code: 'SUCCESS', trade_type: 'JSAPI', mch_id: MOCK_MERCHANT.mchId })
    expect(fields.prepay_id).toMatch(/^wx\d{14}[0-9a-f]{22}$/)
    expect(verifyV2(fields, MOCK_MERCHANT.apiV2Key, signType)).toBe(true)
    const other = signType === V2SignType.Md5 ? V2SignType.HmacSha256 : V2SignType.Md5
    expect(verifyV2(fields, MOCK_MERCHANT.apiV2Key, other)).toBe(false)
  })

  it('should answer an unsigned return_code=FAIL 签名错误 for a request signed with another key', async () => {
    const { app } = build()
    await createUsers(app)
    const { fields } = await v2Call(app, '/pay/unifiedorder', unifiedOrderFields(), V2SignType.Md5, 'x'.repeat(32))
    expect(fields).toEqual({ return_code: 'FAIL', return_msg: '签名错误，请检查后再试' })
    expect(app.store.payOrders.list()).toEqual([])
  })

  it('should answer 签名错误 for an HMAC request that does not declare sign_type (verified as MD5)', async () => {
    const { app } = build()
    await createUsers(app)
    const fields = unifiedOrderFields() as Record<string, string>
    const xml = buildXml({ ...fields, sign: signV2(fields, MOCK_MERCHANT.apiV2Key, V2SignType.HmacSha256) })
    const response = await app.inject({ method: 'POST', url: '/pay/unifiedorder', payload: xml, headers: { 'content-type': 'text/xml' } })
    expect(fieldsOf(response.body).return_msg).toBe('签名错误，请检查后再试')
  })

  it.each([
    ['malformed XML', '<xml><appid>wx</appid>'],
    ['a DOCTYPE (XXE)', '<?xml version="1.0"?><!DOCTYPE xml [<!ENTITY e SYSTEM "file:///etc/passwd">]><xml><appid>&e;</appid></xml>'],
    ['JSON', '{"appid":"wxa1b2c3d4e5f60718"}'],
  ])('should answer an unsigned return_code=FAIL XML格式错误 for %s', async (_name, payload) => {
    const { app } = build()
    const response = await app.inject({ method: 'POST', url: '/pay/unifiedorder', payload, headers: { 'content-type': 'text/xml' } })
    expect(response.statusCode).toBe(200)
    expect(fieldsOf(response.body)).toEqual({ return_code: 'FAIL', return_msg: 'XML格式错误' })
  })

  it('should answer an unsigned return_code=FAIL naming a missing field', async () => {
    const { app } = build()
    await createUsers(app)
    const { fields } = await v2Call(app, '/pay/unifiedorder', unifiedOrderFields({ openid: undefined }))
    expect(fields).toEqual({ return_code: 'FAIL', return_msg: '缺少参数openid' })
  })

  it('should answer a signed result_code=FAIL APPID_MCHID_NOT_MATCH for an appid the merchant is not bound to', async () => {
    const { app } = build()
    await createUsers(app)
    const { fields } = await v2Call(app, '/pay/unifiedorder', unifiedOrderFields({ appid: 'wx0000000000000001' }), V2SignType.HmacSha256)
    expect(fields).toMatchObject({ return_code: 'SUCCESS', result_code: 'FAIL', err_code: 'APPID_MCHID_NOT_MATCH' })
    expect(verifyV2(fields, MOCK_MERCHANT.apiV2Key, V2SignType.HmacSha256)).toBe(true)
  })

  it('should answer the same prepay_id on re-entry with the same params, INVALID_REQUEST with another total_fee', async () => {
    const { app } = build()
    await createUsers(app)
    const first = await v2Prepay(app)
    expect(await v2Prepay(app)).toBe(first)
    const { fields } = await v2Call(app, '/pay/unifiedorder', unifiedOrderFields({ total_fee: '1' }))
    expect(fields).toMatchObject({ result_code: 'FAIL', err_code: 'INVALID_REQUEST' })
  })

  it('should treat another sign type on re-entry as changed params', async () => {
    const { app } = build()
    await createUsers(app)
    await v2Prepay(app, V2SignType.Md5)
    const { fields } = await v2Call(app, '/pay/unifiedorder', unifiedOrderFields(), V2SignType.HmacSha256)
    expect(fields.err_code).toBe('INVALID_REQUEST')
  })

  it('should answer ORDERPAID for a paid order placed again', async () => {
    const { app } = build()
    await payerOnDevice(app)
    const prepayId = await v2Prepay(app)
    const ticket = (await bridgePay(app, { params: v2BridgeParams(app, prepayId) })).json().sheet.ticket
    await bridgeComplete(app, ticket)
    const { fields } = await v2Call(app, '/pay/unifiedorder', unifiedOrderFields())
    expect(fields).toMatchObject({ result_code: 'FAIL', err_code: 'ORDERPAID', err_code_des: '该订单已支付' })
  })

  it('should answer ORDERCLOSED for a closed order placed again', async () => {
    const { app } = build()
    await createUsers(app)
    await v2Prepay(app)
    await v2Call(app, '/pay/closeorder', { appid: unifiedOrderFields().appid, mch_id: MOCK_MERCHANT.mchId, out_trade_no: NO, nonce_str: 'n1' })
    const { fields } = await v2Call(app, '/pay/unifiedorder', unifiedOrderFields())
    expect(fields.err_code).toBe('ORDERCLOSED')
  })
})

describe('POST /pay/orderquery and /pay/closeorder (WECHAT-PAY.md §A3)', () => {
  const common = () => ({ appid: unifiedOrderFields().appid, mch_id: MOCK_MERCHANT.mchId, nonce_str: 'q1' })

  it('should answer NOTPAY with 订单未支付, signed', async () => {
    const { app } = build()
    await createUsers(app)
    await v2Prepay(app)
    const { fields } = await v2Call(app, '/pay/orderquery', { ...common(), out_trade_no: NO })
    expect(fields).toMatchObject({ return_code: 'SUCCESS', result_code: 'SUCCESS', trade_state: 'NOTPAY', trade_state_desc: '订单未支付', out_trade_no: NO })
    expect(verifyV2(fields, MOCK_MERCHANT.apiV2Key)).toBe(true)
  })

  it('should answer CLOSED once time_expire has passed', async () => {
    const { app, clock } = build()
    await createUsers(app)
    // 2025-01-01 08:30:00 Beijing = 00:30 UTC, 30 minutes after the test clock's start
    await v2Prepay(app, V2SignType.Md5, { time_expire: '20250101083000' })
    clock.advance(30 * 60 * 1000)
    const { fields } = await v2Call(app, '/pay/orderquery', { ...common(), out_trade_no: NO })
    expect(fields.trade_state).toBe('CLOSED')
  })

  it('should answer ORDERNOTEXIST, signed, for an unknown order', async () => {
    const { app } = build()
    const { fields } = await v2Call(app, '/pay/orderquery', { ...common(), out_trade_no: 'WX404' })
    expect(fields).toMatchObject({ return_code: 'SUCCESS', result_code: 'FAIL', err_code: 'ORDERNOTEXIST' })
    expect(verifyV2(fields, MOCK_MERCHANT.apiV2Key)).toBe(true)
  })

  it('should close an unpaid order, then answer ORDERCLOSED to a second close', async () => {
    const { app } = build()
    await createUsers(app)
    await v2Prepay(app)
    const first = await v2Call(app, '/pay/closeorder', { ...common(), out_trade_no: NO })
    expect(first.fields).toMatchObject({ result_code: 'SUCCESS', result_msg: 'OK' })
    expect((await v2Call(app, '/pay/orderquery', { ...common(), out_trade_no: NO })).fields.trade_state).toBe('CLOSED')
    expect((await v2Call(app, '/pay/closeorder', { ...common(), out_trade_no: NO })).fields.err_code).toBe('ORDERCLOSED')
  })

  it('should refuse to close an order younger than 5 minutes only while the 5-minute rule is on', async () => {
    const { app, clock } = build()
    await createUsers(app)
    await v2Prepay(app)
    await app.inject({ method: 'POST', url: '/__control/pay/close-wait', payload: { enabled: true } })
    const early = await v2Call(app, '/pay/closeorder', { ...common(), out_trade_no: NO })
    expect(early.fields).toMatchObject({ result_code: 'FAIL', err_code_des: '订单生成后不能马上调用关单接口，最短调用时间间隔为5分钟' })
    clock.advance(5 * 60 * 1000)
    expect((await v2Call(app, '/pay/closeorder', { ...common(), out_trade_no: NO })).fields.result_code).toBe('SUCCESS')
  })
})
