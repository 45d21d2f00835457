import { MOCK_MERCHANT, MOCK_WECHAT_PAY_PLATFORM } from '@wxshop/shared/wechat-pay'
import { generateKeyPairSync } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { build } from '../helper'
import { jsapiBody, payerOnDevice, platformSigned, v3Prepay, v3Request } from './pay-helper'

const JSAPI = '/v3/pay/transactions/jsapi'
const QUERY = `/v3/pay/transactions/out-trade-no/WX20261130000001?mchid=${MOCK_MERCHANT.mchId}`

describe('v3 request verification (WECHAT-PAY.md §B1)', () => {
  it('should answer a request signed by the merchant key', async () => {
    const { app } = build()
    await payerOnDevice(app)
    const response = await v3Request(app, 'POST', JSAPI, jsapiBody())
    expect(response.statusCode).toBe(200)
    expect(response.json().prepay_id).toMatch(/^wx\d{14}[0-9a-f]{22}$/)
  })

  it('should refuse 401 SIGN_ERROR when the signature is made with another key', async () => {
    const { app } = build()
    await payerOnDevice(app)
    const other = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString()
    const response = await v3Request(app, 'POST', JSAPI, jsapiBody(), { privateKey: other })
    expect(response.statusCode).toBe(401)
    expect(response.json().code).toBe('SIGN_ERROR')
    expect(platformSigned(response)).toBe(true)
    expect(app.store.payOrders.list()).toEqual([])
  })

  it('should refuse 401 when the body sent is not the body signed (one byte of whitespace)', async () => {
    const { app } = build()
    await payerOnDevice(app)
    const body = JSON.stringify(jsapiBody())
    const response = await v3Request(app, 'POST', JSAPI, `${body} `, { signedBody: body })
    expect(response.statusCode).toBe(401)
  })

  it('should verify over the URL exactly as sent, when the query is encoded differently from a re-encoding', async () => {
    const { app } = build()
    await payerOnDevice(app)
    await v3Prepay(app)
    // as sent: %31 for "1"; a mock that re-encodes the parsed URL would compute another message
    const asSent = `/v3/pay/transactions/out-trade-no/WX20261130000001?mchid=%31${MOCK_MERCHANT.mchId.slice(1)}`
    expect((await v3Request(app, 'GET', asSent)).statusCode).toBe(200)
    expect((await v3Request(app, 'GET', asSent, undefined, { signedUrl: QUERY })).statusCode).toBe(401)
  })

  it.each([
    ['301 s in the past', -301],
    ['301 s in the future', 301],
  ])('should refuse 401 a request whose timestamp is %s', async (_name, offset) => {
    const { app, clock } = build()
    await payerOnDevice(app)
    const timestamp = String(Math.floor(clock.now() / 1000) + offset)
    const response = await v3Request(app, 'POST', JSAPI, jsapiBody(), { timestamp })
    expect(response.statusCode).toBe(401)
    expect(response.json().code).toBe('SIGN_ERROR')
  })

  it('should accept a timestamp 300 s old', async () => {
    const { app, clock } = build()
    await payerOnDevice(app)
    const response = await v3Request(app, 'POST', JSAPI, jsapiBody(), { timestamp: String(Math.floor(clock.now() / 1000) - 300) })
    expect(response.statusCode).toBe(200)
  })

  it('should refuse 401 a serial_no that is not the merchant certificate\'s', async () => {
    const { app } = build()
    await payerOnDevice(app)
    const response = await v3Request(app, 'POST', JSAPI, jsapiBody(), { serialNo: '1DDE55AD98ED71D6EDD4A4A16996DE7B47773A8C' })
    expect(response.statusCode).toBe(401)
  })

  it('should refuse 401 an Authorization naming another mchid', async () => {
    const { app } = build()
    await payerOnDevice(app)
    const response = await v3Request(app, 'POST', JSAPI, jsapiBody(), { mchid: '1900000110' })
    expect(response.statusCode).toBe(401)
  })

  it('should refuse 401 a request without an Authorization header', async () => {
    const { app } = build()
    const response = await app.inject({ method: 'GET', url: QUERY })
    expect(response.statusCode).toBe(401)
    expect(response.json().code).toBe('SIGN_ERROR')
  })

  it('should sign every answer with the platform key and name PUB_KEY_ID_… in public-key mode', async () => {
    const { app } = build()
    await payerOnDevice(app)
    const response = await v3Request(app, 'POST', JSAPI, jsapiBody())
    expect(platformSigned(response)).toBe(true)
    expect(response.headers['wechatpay-serial']).toBe(MOCK_WECHAT_PAY_PLATFORM.publicKeyId)
  })
})
