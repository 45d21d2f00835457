import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { App } from '../../src/app'
import { build } from '../helper'

describe('GET /api/config', () => {
  let app: App
  beforeAll(async () => {
    app = await build({ env: { SHOP_NAME: '测试小店' } })
  })
  afterAll(() => app.close())

  it('should give the client appId, mode, jsApiList and shop name when asked', async () => {
    const response = await app.inject({ url: '/api/config' })
    expect(response.statusCode).toBe(200)
    expect(response.json()).toEqual({
      appId: 'wxa1b2c3d4e5f60718',
      mode: 'mock',
      jsApiList: ['updateAppMessageShareData', 'updateTimelineShareData', 'scanQRCode', 'openAddress', 'chooseWXPay'],
      shopName: '测试小店',
    })
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
