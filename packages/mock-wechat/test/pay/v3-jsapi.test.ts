import { formatV3Time, MOCK_MERCHANT } from '@wxshop/shared/wechat-pay'
import { describe, expect, it } from 'vitest'
import { build } from '../helper'
import { bridgeComplete, createUsers, jsapiBody, payerOnDevice, platformSigned, v3Prepay, v3Request, validBridgeParams } from './pay-helper'

const JSAPI = '/v3/pay/transactions/jsapi'
const NO = 'WX20261130000001'
const query = (no = NO) => `/v3/pay/transactions/out-trade-no/${no}?mchid=${MOCK_MERCHANT.mchId}`

describe('POST /v3/pay/transactions/jsapi (WECHAT-PAY.md §B3)', () => {
  it.each([
    ['a missing description', { description: undefined }, 'description'],
    ['a description of 128 characters', { description: '好'.repeat(128) }, 'description'],
    ['an out_trade_no of 5 characters', { out_trade_no: 'WX123' }, 'out_trade_no'],
    ['an out_trade_no with a dot', { out_trade_no: 'WX2026.1130' }, 'out_trade_no'],
    ['a total in yuan', { amount: { total: 39.9, currency: 'CNY' } }, 'amount.total'],
    ['a total of 0', { amount: { total: 0 } }, 'amount.total'],
    ['a total as a string', { amount: { total: '3990' } }, 'amount.total'],
    ['no payer', { payer: undefined }, 'payer.openid'],
    ['a notify_url with a query', { notify_url: 'http://localhost:3000/api/pay/notify/v3?order=1' }, 'notify_url'],
    ['a time_expire without an offset', { time_expire: '2026-11-30T15:30:00' }, 'time_expire'],
    ['an openid the account does not know', { payer: { openid: 'oSomeoneElse0000000000000001' } }, 'payer.openid'],
  ])('should answer 400 PARAM_ERROR naming the field for %s', async (_name, overrides, field) => {
    const { app } = build()
    await payerOnDevice(app)
    const response = await v3Request(app, 'POST', JSAPI, jsapiBody(overrides))
    expect(response.statusCode).toBe(400)
    expect(response.json().code).toBe('PARAM_ERROR')
    expect(response.json().detail.field).toBe(field)
    expect(platformSigned(response)).toBe(true)
  })

  it('should refuse an http notify_url when the shop itself is on https', async () => {
    const { app } = build({ env: { PUBLIC_URL: 'https://shop.example.com' } })
    await createUsers(app)
    const refused = await v3Request(app, 'POST', JSAPI, jsapiBody({ notify_url: 'http://shop.example.com/api/pay/notify/v3' }))
    expect(refused.json().detail?.field).toBe('notify_url')
    const taken = await v3Request(app, 'POST', JSAPI, jsapiBody({ notify_url: 'https://shop.example.com/api/pay/notify/v3' }))
    expect(taken.statusCode).toBe(200)
  })

  it('should answer APPID_MCHID_NOT_MATCH for an appid the merchant is not bound to', async () => {
    const { app } = build()
    await payerOnDevice(app)
    const response = await v3Request(app, 'POST', JSAPI, jsapiBody({ appid: 'wx0000000000000001' }))
    expect(response.statusCode).toBe(400)
    expect(response.json().code).toBe('APPID_MCHID_NOT_MATCH')
  })

  it('should answer the same prepay_id when the same order is placed again with the same params', async () => {
    const { app } = build()
    await payerOnDevice(app)
    expect(await v3Prepay(app)).toBe(await v3Prepay(app))
    expect(app.store.payOrders.list()).toHaveLength(1)
  })

  it('should answer a new prepay_id once the first is 2 hours old', async () => {
    const { app, clock } = build()
    await payerOnDevice(app)
    const first = await v3Prepay(app)
    clock.advance(2 * 3600 * 1000)
    expect(await v3Prepay(app)).not.toBe(first)
  })

  it('should answer 400 INVALID_REQUEST when the same out_trade_no comes with another amount', async () => {
    const { app } = build()
    await payerOnDevice(app)
    await v3Prepay(app)
    const response = await v3Request(app, 'POST', JSAPI, jsapiBody({ amount: { total: 1 } }))
    expect(response.statusCode).toBe(400)
    expect(response.json().code).toBe('INVALID_REQUEST')
  })

  it('should answer 400 ORDERPAID when a paid order is placed again', async () => {
    const { app } = build()
    await payerOnDevice(app)
    const ticket = (await validBridgeParams(app)).sheetTicket
    expect((await bridgeComplete(app, await ticket())).json().errMsg).toBe('get_brand_wcpay_request:ok')
    const response = await v3Request(app, 'POST', JSAPI, jsapiBody())
    expect(response.statusCode).toBe(400)
    expect(response.json().code).toBe('ORDERPAID')
  })

  it('should answer 400 ORDER_CLOSED when a closed order is placed again', async () => {
    const { app } = build()
    await payerOnDevice(app)
    await v3Prepay(app)
    await v3Request(app, 'POST', `/v3/pay/transactions/out-trade-no/${NO}/close`, { mchid: MOCK_MERCHANT.mchId })
    const response = await v3Request(app, 'POST', JSAPI, jsapiBody())
    expect(response.json().code).toBe('ORDER_CLOSED')
  })
})

describe('GET /v3/pay/transactions/… and close (WECHAT-PAY.md §B4)', () => {
  it('should answer NOTPAY for an order placed and not paid', async () => {
    const { app } = build()
    await payerOnDevice(app)
    await v3Prepay(app)
    const response = await v3Request(app, 'GET', query())
    expect(response.statusCode).toBe(200)
    expect(response.json()).toMatchObject({ out_trade_no: NO, mchid: MOCK_MERCHANT.mchId, trade_state: 'NOTPAY', trade_state_desc: '订单未支付', amount: { total: 3990 } })
    expect(response.json().transaction_id).toBeUndefined()
    expect(platformSigned(response)).toBe(true)
  })

  it('should answer CLOSED once time_expire has passed', async () => {
    const { app, clock } = build()
    await payerOnDevice(app)
    await v3Prepay(app, { time_expire: formatV3Time(clock.now() + 30 * 60 * 1000) })
    clock.advance(30 * 60 * 1000)
    expect((await v3Request(app, 'GET', query())).json().trade_state).toBe('CLOSED')
  })

  it('should answer a paid order by out_trade_no and by transaction_id, with a 28-digit 4200… id', async () => {
    const { app } = build()
    await payerOnDevice(app)
    const { sheetTicket } = await validBridgeParams(app)
    await bridgeComplete(app, await sheetTicket())
    const paid = (await v3Request(app, 'GET', query())).json()
    expect(paid).toMatchObject({ trade_state: 'SUCCESS', payer: { openid: expect.any(String) }, amount: { total: 3990, payer_total: 3990 } })
    expect(paid.transaction_id).toMatch(/^4200\d{24}$/)
    expect(paid.success_time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+08:00$/)
    const byId = await v3Request(app, 'GET', `/v3/pay/transactions/id/${paid.transaction_id}?mchid=${MOCK_MERCHANT.mchId}`)
    expect(byId.json().out_trade_no).toBe(NO)
  })

  it('should answer 404 ORDERNOTEXIST for an unknown order', async () => {
    const { app } = build()
    const response = await v3Request(app, 'GET', query('WX00000000000000'))
    expect(response.statusCode).toBe(404)
    expect(response.json().code).toBe('ORDERNOTEXIST')
  })

  it('should close with 204, an empty body still signed, and then query CLOSED', async () => {
    const { app } = build()
    await payerOnDevice(app)
    await v3Prepay(app)
    const response = await v3Request(app, 'POST', `/v3/pay/transactions/out-trade-no/${NO}/close`, { mchid: MOCK_MERCHANT.mchId })
    expect(response.statusCode).toBe(204)
    expect(response.body).toBe('')
    expect(platformSigned(response)).toBe(true)
    expect((await v3Request(app, 'GET', query())).json().trade_state).toBe('CLOSED')
  })

  it('should refuse to close a paid order', async () => {
    const { app } = build()
    await payerOnDevice(app)
    const { sheetTicket } = await validBridgeParams(app)
    await bridgeComplete(app, await sheetTicket())
    const response = await v3Request(app, 'POST', `/v3/pay/transactions/out-trade-no/${NO}/close`, { mchid: MOCK_MERCHANT.mchId })
    expect(response.statusCode).toBe(400)
    expect(response.json().code).toBe('ORDERPAID')
  })
})
