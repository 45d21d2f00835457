import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { jssdkNonce, jssdkSignature } from '../../src/wechat/jssdk-signature'

const DOC_TICKET = 'sM4AOVdWfPE4DxkXGEs8VMCPGGVi4C3VM0P37wVUCFvkVAy_90u5h9nbSlYy3-Sl-HhTdfl2fzFy1AOcHKP7qg'

describe('jssdkSignature', () => {
  it('should match the example of WeChat\'s JS-SDK doc (附录1) when its URL has a query', () => {
    expect(jssdkSignature({ jsapiTicket: DOC_TICKET, nonceStr: 'Wm3WZYTPz0wzccnW', timestamp: 1414587457, url: 'http://mp.weixin.qq.com?params=value' }))
      .toBe('0f9de62fce790f9a083d5c99e95740ceb90c27ed')
  })

  it('should match the older doc example, also the test vector of the weixin-signature package', () => {
    expect(jssdkSignature({ jsapiTicket: DOC_TICKET, nonceStr: 'Wm3WZYTPz0wzccnW', timestamp: 1414587457, url: 'http://mp.weixin.qq.com' }))
      .toBe('f4d90daf4b3bca3078ab155816175ba34c443a7b')
  })

  it('should sign the values raw, without URL-encoding them', () => {
    const url = 'https://shop.example/product/3?from=分享&a=b c'
    const expected = createHash('sha1').update(`jsapi_ticket=T&noncestr=N&timestamp=1&url=${url}`).digest('hex')
    expect(jssdkSignature({ jsapiTicket: 'T', nonceStr: 'N', timestamp: 1, url })).toBe(expected)
  })
})

describe('jssdkNonce', () => {
  it('should give 16 letters or digits, different each time', () => {
    const nonces = new Set(Array.from({ length: 100 }, jssdkNonce))
    expect(nonces.size).toBe(100)
    for (const nonce of nonces)
      expect(nonce).toMatch(/^[A-Za-z0-9]{16}$/)
  })

  it('should keep giving different nonces when many more are drawn than one pool of random bytes holds', () => {
    // 1000 nonces take 16000 bytes: about four refills of the 4 KiB pool
    const nonces = new Set(Array.from({ length: 1000 }, jssdkNonce))
    expect(nonces.size).toBe(1000)
    for (const nonce of nonces)
      expect(nonce).toMatch(/^[A-Za-z0-9]{16}$/)
  })
})
