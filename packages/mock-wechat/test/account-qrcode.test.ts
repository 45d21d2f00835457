import jsQR from 'jsqr'
import { describe, expect, it } from 'vitest'
import type { MockWechat } from '../src/app'
import { build } from './helper'

const FOLLOW_URL = /^http:\/\/weixin\.qq\.com\/r\/[\w-]{20}$/
const PX = 4

/**
 * What a phone's camera would read: the SVG's modules painted into pixels (PX per module, white
 * where no path covers), then decoded by jsQR, a reader that shares no code with the encoder.
 */
function scan(svg: string): string | undefined {
  const side = Number(/viewBox="0 0 (\d+) \1"/.exec(svg)?.[1])
  const width = side * PX
  const pixels = new Uint8ClampedArray(width * width * 4).fill(255)
  for (const [, x, y, run] of svg.matchAll(/M(\d+) (\d+)h(\d+)v1h-\3z/g)) {
    for (let row = Number(y) * PX; row < (Number(y) + 1) * PX; row++) {
      for (let col = Number(x) * PX; col < (Number(x) + Number(run)) * PX; col++)
        pixels.fill(0, (row * width + col) * 4, (row * width + col) * 4 + 3)
    }
  }
  return jsQR(pixels, width, width)?.data
}

async function qrcodeOf(app: MockWechat) {
  const response = await app.inject({ url: '/account-qrcode.svg' })
  return { response, url: scan(response.body) }
}

describe('GET /account-qrcode.svg', () => {
  it('should serve a scannable SVG of the account\'s follow URL when the shop\'s page shows it', async () => {
    const { app } = build()
    const { response, url } = await qrcodeOf(app)
    expect(response.statusCode).toBe(200)
    expect(response.headers['content-type']).toBe('image/svg+xml')
    expect(response.body).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/)
    expect(url).toMatch(FOLLOW_URL)
  })

  it('should let another origin\'s page show it and browsers keep it when it is served', async () => {
    const { app } = build()
    const { response } = await qrcodeOf(app)
    expect(response.headers['cross-origin-resource-policy']).toBe('cross-origin')
    expect(response.headers['cache-control']).toBe('public, max-age=86400')
  })

  it('should encode the same URL for the same appId and another for another account', async () => {
    const first = await qrcodeOf(build().app)
    const again = await qrcodeOf(build().app)
    const other = await qrcodeOf(build({ env: { WECHAT_APPID: 'wx0123456789abcdef' } }).app)
    expect(again.url).toBe(first.url)
    expect(other.url).toMatch(FOLLOW_URL)
    expect(other.url).not.toBe(first.url)
  })

  it('should not count as a call to WeChat nor be failed on purpose when it is fetched', async () => {
    const { app } = build()
    await app.inject({ method: 'POST', url: '/__control/fail', payload: { path: '/account-qrcode.svg', errcode: -1 } })
    const { response } = await qrcodeOf(app)
    expect(response.statusCode).toBe(200)
    expect((await app.inject({ url: '/__control/calls?path=/account-qrcode.svg' })).json()).toMatchObject({ count: 0 })
  })
})
