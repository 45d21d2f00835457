import { parseXmlDocument } from '@wxshop/shared/wechat-message'
import { decryptResource, MOCK_MERCHANT, MOCK_WECHAT_PAY_PLATFORM, V2SignType, verifyV2, verifyV3, v3ResponseMessage } from '@wxshop/shared/wechat-pay'
import { X509Certificate } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { APPID, build } from '../helper'
import { createUsers, jsapiBody, platformSigned, unifiedOrderFields, v2Call, v3Prepay, v3Request } from './pay-helper'

const JSAPI = '/v3/pay/transactions/jsapi'

describe('GET /__control/pay/keys', () => {
  it('should give the ids and keys a test needs to sign like the merchant and verify like the shop', async () => {
    const { app } = build()
    const keys = (await app.inject({ url: '/__control/pay/keys' })).json()
    expect(keys).toMatchObject({
      mchid: MOCK_MERCHANT.mchId,
      appid: APPID,
      apiV2Key: MOCK_MERCHANT.apiV2Key,
      apiV3Key: MOCK_MERCHANT.apiV3Key,
      merchantSerialNo: MOCK_MERCHANT.serialNo,
      merchantPublicKey: MOCK_MERCHANT.publicKey,
      platformPrivateKey: MOCK_WECHAT_PAY_PLATFORM.privateKey,
      publicKeyId: MOCK_WECHAT_PAY_PLATFORM.publicKeyId,
      platformCertificateSerial: MOCK_WECHAT_PAY_PLATFORM.certificateSerial,
      mode: 'public-key',
      directories: ['http://localhost:3000/'],
    })
  })
})

describe('GET /__control/pay/orders and reset', () => {
  it('should list the orders with their state, and forget them on reset', async () => {
    const { app } = build()
    await createUsers(app)
    await v3Prepay(app)
    const listed = (await app.inject({ url: '/__control/pay/orders' })).json().orders
    expect(listed).toEqual([expect.objectContaining({ version: 'v3', out_trade_no: 'WX20261130000001', total: 3990, trade_state: 'NOTPAY', notifyAttempts: [] })])
    await app.inject({ method: 'POST', url: '/__control/reset', payload: {} })
    expect((await app.inject({ url: '/__control/pay/orders' })).json().orders).toEqual([])
  })
})

describe('certificate mode (MOCK_WECHAT_PAY_PLATFORM_MODE=certificate)', () => {
  it('should name the platform certificate serial and serve /v3/certificates encrypted with the APIv3 key, signed by that certificate', async () => {
    const { app } = build({ env: { MOCK_WECHAT_PAY_PLATFORM_MODE: 'certificate' } })
    const response = await v3Request(app, 'GET', '/v3/certificates')
    expect(response.statusCode).toBe(200)
    expect(response.headers['wechatpay-serial']).toBe(MOCK_WECHAT_PAY_PLATFORM.certificateSerial)
    const [entry] = response.json().data
    expect(entry.serial_no).toBe(MOCK_WECHAT_PAY_PLATFORM.certificateSerial)
    expect(entry.encrypt_certificate.associated_data).toBe('certificate')
    const pem = decryptResource(MOCK_MERCHANT.apiV3Key, entry.encrypt_certificate)
    const certificate = new X509Certificate(pem)
    expect(certificate.serialNumber.toUpperCase()).toBe(MOCK_WECHAT_PAY_PLATFORM.certificateSerial)
    const h = response.headers
    expect(verifyV3(v3ResponseMessage(String(h['wechatpay-timestamp']), String(h['wechatpay-nonce']), response.body), String(h['wechatpay-signature']), certificate.publicKey)).toBe(true)
  })

  it('should not serve /v3/certificates in public-key mode', async () => {
    const { app } = build()
    expect((await v3Request(app, 'GET', '/v3/certificates')).statusCode).toBe(404)
  })
})

describe('faults through POST /__control/fail', () => {
  it('should answer a v3 call 500 SYSTEM_ERROR, signed, and then normally', async () => {
    const { app } = build()
    await createUsers(app)
    await app.inject({ method: 'POST', url: '/__control/fail', payload: { path: JSAPI, errcode: 500 } })
    const failed = await v3Request(app, 'POST', JSAPI, jsapiBody())
    expect(failed.statusCode).toBe(500)
    expect(failed.json().code).toBe('SYSTEM_ERROR')
    expect(platformSigned(failed)).toBe(true)
    expect(app.store.payOrders.list()).toEqual([])
    expect((await v3Request(app, 'POST', JSAPI, jsapiBody())).statusCode).toBe(200)
  })

  it('should answer a v3 call the status and code given', async () => {
    const { app } = build()
    await createUsers(app)
    await app.inject({ method: 'POST', url: '/__control/fail', payload: { path: JSAPI, errcode: 429, errmsg: 'FREQUENCY_LIMITED' } })
    const failed = await v3Request(app, 'POST', JSAPI, jsapiBody())
    expect([failed.statusCode, failed.json().code]).toEqual([429, 'FREQUENCY_LIMITED'])
  })

  it('should answer a v2 call a SYSTEMERROR signed with the request\'s sign type', async () => {
    const { app } = build()
    await createUsers(app)
    await app.inject({ method: 'POST', url: '/__control/fail', payload: { path: '/pay/unifiedorder', errcode: 500 } })
    const { fields } = await v2Call(app, '/pay/unifiedorder', unifiedOrderFields(), V2SignType.HmacSha256)
    expect(fields).toMatchObject({ return_code: 'SUCCESS', result_code: 'FAIL', err_code: 'SYSTEMERROR' })
    expect(verifyV2(fields, MOCK_MERCHANT.apiV2Key, V2SignType.HmacSha256)).toBe(true)
    expect(app.store.payOrders.list()).toEqual([])
    expect(parseXmlDocument((await v2Call(app, '/pay/unifiedorder', unifiedOrderFields())).response.body).result_code).toBe('SUCCESS')
  })
})
