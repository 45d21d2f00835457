import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { App } from '../../src/app'
import { build, LIVE_ENV } from '../helper'

describe('GET /api/config', () => {
  let app: App
  beforeAll(async () => {
    app = await build({ env: { SHOP_NAME: '测试小店' } })
  })
  afterAll(() => app.close())

  it('should give the client appId, mode, jsApiList, shop name, public origin and follow QR code when asked', async () => {
    const response = await app.inject({ url: '/api/config' })
    expect(response.statusCode).toBe(200)
    expect(response.json()).toEqual({
      appId: 'wxa1b2c3d4e5f60718',
      mode: 'mock',
      jsApiList: ['checkJsApi', 'updateAppMessageShareData', 'updateTimelineShareData', 'scanQRCode', 'openAddress', 'chooseWXPay'],
      shopName: '测试小店',
      publicUrl: 'http://localhost:3000',
      followQrUrl: 'http://127.0.0.1:3100/account-qrcode.svg',
      payDirectory: 'http://localhost:3000/',
    })
  })

  it('should give the registered pay directory, or null in live mode when pay is not configured', async () => {
    const directory = await build({ env: { WECHAT_PAY_DIRECTORY: 'http://localhost:3000/orders' } })
    const unset = await build({ env: LIVE_ENV })
    try {
      expect((await directory.inject({ url: '/api/config' })).json().payDirectory).toBe('http://localhost:3000/orders/')
      expect((await unset.inject({ url: '/api/config' })).json().payDirectory).toBeNull()
    } finally {
      await Promise.all([directory.close(), unset.close()])
    }
  })

  it('should give the configured follow QR code, or null in live mode when none is configured', async () => {
    const configured = await build({ env: { ...LIVE_ENV, WECHAT_FOLLOW_QR_URL: 'https://cdn.example.com/qr.jpg' } })
    const unset = await build({ env: LIVE_ENV })
    try {
      expect((await configured.inject({ url: '/api/config' })).json().followQrUrl).toBe('https://cdn.example.com/qr.jpg')
      expect((await unset.inject({ url: '/api/config' })).json().followQrUrl).toBeNull()
    } finally {
      await Promise.all([configured.close(), unset.close()])
    }
  })

  it('should contain no secret value when served', async () => {
    const body = (await app.inject({ url: '/api/config' })).body
    const { config } = app
    const secrets = [config.sessionSecret, config.wechat.appSecret, config.wechat.token, config.wechat.encodingAesKey]
    for (const secret of secrets) {
      expect(secret).toBeTruthy()
      expect(body).not.toContain(secret)
    }
  })
})
