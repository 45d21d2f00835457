import { generateKeyPairSync } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import {
  buildV3Authorization, decryptResource, encryptResource, formatV2Time, formatV3Time, isPayDirectoryAllowed,
  parseV2Time, parseV3Authorization, parseV3Time, payDirectoryOf, prepayIdOf, prepayPackage, ResourceDecryptError,
  signV2, signV3, v2PaySign, v2SignString, v3PaySign, v3RequestMessage, v3ResponseMessage, v3TimestampFresh,
  verifyV2, verifyV3, verifyV3PaySign,
} from '../../src/wechat-pay'

// WECHAT-PAY.md §A1: the official sign example (pay.weixin.qq.com chapter 4_3)
const officialExample = { appid: 'wxd930ea5d5a258f4f', mch_id: '10000100', device_info: '1000', body: 'test', nonce_str: 'ibuaiVcKdpRxkhJA' }
const officialKey = '192006250b4c09247ec02edce69f6a2d'

describe('APIv2 sign rule', () => {
  it('should give the official example\'s MD5 and HMAC-SHA256 signatures', () => {
    expect(v2SignString(officialExample, officialKey)).toBe('appid=wxd930ea5d5a258f4f&body=test&device_info=1000&mch_id=10000100&nonce_str=ibuaiVcKdpRxkhJA&key=192006250b4c09247ec02edce69f6a2d')
    expect(signV2(officialExample, officialKey, 'MD5')).toBe('9A0A8659F005D6984697E2CA0A9CF3B7')
    expect(signV2(officialExample, officialKey, 'HMAC-SHA256')).toBe('6A9AE1657590FD6257D693A078E1C3E4BB6BA4DC30B23E0EE2496E54170DACD6')
  })

  it('should leave out sign and empty values but sign sign_type', () => {
    const withEmpty = { ...officialExample, attach: '', sign: 'X', detail: undefined }
    expect(signV2(withEmpty, officialKey)).toBe('9A0A8659F005D6984697E2CA0A9CF3B7')
    expect(signV2({ ...officialExample, sign_type: 'MD5' }, officialKey)).not.toBe('9A0A8659F005D6984697E2CA0A9CF3B7')
  })

  it('should verify its own signature and refuse a changed field, another key or a lowercase signature', () => {
    const signed = { ...officialExample, total_fee: '1', sign: signV2({ ...officialExample, total_fee: '1' }, officialKey) }
    expect(verifyV2(signed, officialKey)).toBe(true)
    expect(verifyV2({ ...signed, total_fee: '2' }, officialKey)).toBe(false)
    expect(verifyV2(signed, 'another-key-another-key-another-k')).toBe(false)
    expect(verifyV2({ ...signed, sign: signed.sign.toLowerCase() }, officialKey)).toBe(false)
    expect(verifyV2({ ...officialExample }, officialKey)).toBe(false)
  })

  it('should sign a v2 bridge request over its five fields with signType', () => {
    const params = { appId: 'wxd930ea5d5a258f4f', timeStamp: '1395712654', nonceStr: 'e61463f8efa94090b1f366cccfbbb444', package: 'prepay_id=u802345jgfjsdfgsdg888', signType: 'MD5' }
    expect(v2PaySign(params, officialKey)).toBe(signV2({ ...params }, officialKey, 'MD5'))
    expect(v2SignString(params, officialKey)).toBe('appId=wxd930ea5d5a258f4f&nonceStr=e61463f8efa94090b1f366cccfbbb444&package=prepay_id=u802345jgfjsdfgsdg888&signType=MD5&timeStamp=1395712654&key=192006250b4c09247ec02edce69f6a2d')
  })
})

describe('APIv3 signatures', () => {
  const merchant = generateKeyPairSync('rsa', { modulusLength: 2048, publicKeyEncoding: { type: 'spki', format: 'pem' }, privateKeyEncoding: { type: 'pkcs8', format: 'pem' } })
  const other = generateKeyPairSync('rsa', { modulusLength: 2048, publicKeyEncoding: { type: 'spki', format: 'pem' }, privateKeyEncoding: { type: 'pkcs8', format: 'pem' } })

  it('should build the request message with the path and query as sent and an empty body for GET', () => {
    expect(v3RequestMessage('get', '/v3/pay/transactions/out-trade-no/A1?mchid=1900000001', '1554208460', 'abc', ''))
      .toBe('GET\n/v3/pay/transactions/out-trade-no/A1?mchid=1900000001\n1554208460\nabc\n\n')
    expect(v3ResponseMessage('1554208460', 'abc', '')).toBe('1554208460\nabc\n\n')
  })

  it('should verify with the matching public key only, and never a SIGNTEST probe', () => {
    const message = v3ResponseMessage('1554208460', 'nonce', '{"prepay_id":"wx1"}')
    const signature = signV3(message, merchant.privateKey)
    expect(verifyV3(message, signature, merchant.publicKey)).toBe(true)
    expect(verifyV3(`${message} `, signature, merchant.publicKey)).toBe(false)
    expect(verifyV3(message, signature, other.publicKey)).toBe(false)
    expect(verifyV3(message, `WECHATPAY/SIGNTEST/${signature}`, merchant.publicKey)).toBe(false)
    expect(verifyV3(message, 'not base64 at all!', merchant.publicKey)).toBe(false)
  })

  it('should read the Authorization header\'s five items in any order and refuse other shapes', () => {
    const auth = { mchid: '1900000001', nonce_str: 'n1', signature: 'c2ln+/=', timestamp: '1554208460', serial_no: '1DDE55AD98ED71D6EDD4A4A16996DE7B47773A8C' }
    expect(parseV3Authorization(buildV3Authorization(auth))).toEqual(auth)
    expect(parseV3Authorization('WECHATPAY2-SHA256-RSA2048 serial_no="S",timestamp="1",signature="x",nonce_str="n",mchid="m"'))
      .toEqual({ mchid: 'm', nonce_str: 'n', signature: 'x', timestamp: '1', serial_no: 'S' })
    expect(parseV3Authorization('WECHATPAY2-SHA256-RSA2048 mchid="m",nonce_str="n",signature="x",timestamp="1"')).toBeUndefined()
    expect(parseV3Authorization('Bearer abc')).toBeUndefined()
    expect(parseV3Authorization('WECHATPAY2-SHA256-RSA2048 mchid="m",mchid="m",nonce_str="n",signature="x",timestamp="1",serial_no="s"')).toBeUndefined()
    expect(parseV3Authorization(undefined)).toBeUndefined()
  })

  it('should hold a timestamp fresh within five minutes either way', () => {
    const now = 1_700_000_000_000
    expect(v3TimestampFresh('1700000300', now)).toBe(true)
    expect(v3TimestampFresh('1699999700', now)).toBe(true)
    expect(v3TimestampFresh('1700000301', now)).toBe(false)
    expect(v3TimestampFresh('1700000000000', now)).toBe(false)
    expect(v3TimestampFresh('17e8', now)).toBe(false)
  })

  it('should sign the v3 bridge parameters over appId, timeStamp, nonceStr and package', () => {
    const params = { appId: 'wx8888888888888888', timeStamp: '1414561699', nonceStr: '5K8264ILTKCH16CQ2502SI8ZNMTM67VS', package: prepayPackage('wx201410272009395522657a690389285100'), signType: 'RSA' }
    const paySign = v3PaySign(params, merchant.privateKey)
    expect(verifyV3(`wx8888888888888888\n1414561699\n5K8264ILTKCH16CQ2502SI8ZNMTM67VS\nprepay_id=wx201410272009395522657a690389285100\n`, paySign, merchant.publicKey)).toBe(true)
    expect(verifyV3PaySign({ ...params, paySign }, merchant.publicKey)).toBe(true)
    expect(verifyV3PaySign({ ...params, nonceStr: 'x', paySign }, merchant.publicKey)).toBe(false)
    expect(prepayIdOf(params.package)).toBe('wx201410272009395522657a690389285100')
    expect(prepayIdOf('prepay_id=')).toBeUndefined()
    expect(prepayIdOf('wx2014')).toBeUndefined()
  })
})

describe('AEAD_AES_256_GCM resources', () => {
  it('should decrypt the official Go SDK\'s published vector', () => {
    // wechatpay-go utils/aes_test.go
    const resource = { algorithm: 'AEAD_AES_256_GCM', ciphertext: 'FsdXzxryWfKwvLJKf8LG/ToRPTRh8RN9wROC', nonce: 'wCq51qZv4Yfg', associated_data: 'Dl56FrqWQJF1t9LtC3vEUsniZKvbqdR8' }
    expect(decryptResource('testAPIv3Key0000', resource)).toBe('Hello World')
    expect(() => decryptResource('testAPIv3Key1111', resource)).toThrow(ResourceDecryptError)
    expect(() => decryptResource('testAPIv3Key0000', { ...resource, ciphertext: 'SGVsbG8gV29ybGQK' })).toThrow(ResourceDecryptError)
    expect(() => decryptResource('testAPIv3Key0000', { ...resource, associated_data: 'transaction' })).toThrow(ResourceDecryptError)
  })

  it('should round-trip a notify resource with a 32-byte key and refuse another algorithm', () => {
    const key = 'abcdefghijklmnopqrstuvwxyz012345'
    const sealed = encryptResource(key, '{"trade_state":"SUCCESS"}', 'transaction', 'abcdefghijkl')
    expect(decryptResource(key, sealed)).toBe('{"trade_state":"SUCCESS"}')
    expect(() => decryptResource(key, { ...sealed, algorithm: 'AES_CBC' })).toThrow(ResourceDecryptError)
  })
})

describe('pay times', () => {
  it('should write and read Beijing time in both formats', () => {
    const ms = Date.UTC(2026, 10, 30, 7, 30, 0)
    expect(formatV2Time(ms)).toBe('20261130153000')
    expect(formatV3Time(ms)).toBe('2026-11-30T15:30:00+08:00')
    expect(parseV2Time('20261130153000')).toBe(ms)
    expect(parseV2Time('20261131153000')).toBeUndefined()
    expect(parseV3Time('2026-11-30T15:30:00+08:00')).toBe(ms)
    expect(parseV3Time('yesterday')).toBeUndefined()
  })
})

describe('JSAPI pay directory', () => {
  it('should let a bare-domain entry cover every page and a deeper one only its own directory', () => {
    expect(payDirectoryOf('https://shop.example.com/orders/12?pay=1#x')).toBe('https://shop.example.com/orders/')
    expect(isPayDirectoryAllowed('https://shop.example.com/orders/12', ['https://shop.example.com/'])).toBe(true)
    expect(isPayDirectoryAllowed('https://shop.example.com/orders/12', ['https://shop.example.com/orders/'])).toBe(true)
    expect(isPayDirectoryAllowed('https://shop.example.com/orders/12', ['https://shop.example.com/orders'])).toBe(true)
    expect(isPayDirectoryAllowed('https://shop.example.com/checkout', ['https://shop.example.com/orders/'])).toBe(false)
    expect(isPayDirectoryAllowed('https://shop.example.com/orders/a/12', ['https://shop.example.com/orders/'])).toBe(false)
    expect(isPayDirectoryAllowed('https://evil.example.com/orders/12', ['https://shop.example.com/'])).toBe(false)
    expect(isPayDirectoryAllowed('http://shop.example.com/x', ['https://shop.example.com/'])).toBe(false)
    expect(isPayDirectoryAllowed('not a url', ['https://shop.example.com/'])).toBe(false)
  })
})
