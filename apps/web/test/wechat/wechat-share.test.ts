import { afterEach, describe, expect, it, vi } from 'vitest'
import { ANDROID_WECHAT_UA, IOS_WECHAT_UA } from './fake-bridge'
import { closePages, openPage, product3 } from './harness'

// The first test of a file transforms the product page and Vant for the fresh module graph.
vi.setConfig({ testTimeout: 30_000 })

afterEach(() => {
  closePages()
  vi.unstubAllGlobals()
  vi.restoreAllMocks()
})

const shopShare = {
  title: '微选好物',
  desc: '精选好物，在微信里就能逛',
  link: 'https://shop.example.com/',
  imgUrl: 'https://shop.example.com/share-icon.png',
}

describe('share data per route', () => {
  it.each([
    ['iOS', IOS_WECHAT_UA, 'ios', 'landing'],
    ['Android', ANDROID_WECHAT_UA, 'android', 'current'],
  ] as const)('should share the shop at home, the product on its page and the shop elsewhere on %s', async (_name, userAgent, device, checks) => {
    const page = await openPage({ userAgent, landing: '/?code=0a1b2c&state=s7&from=timeline', bridge: { device, checks } })
    expect(page.bridge.shares).toEqual({
      updateAppMessageShareData: shopShare,
      updateTimelineShareData: { ...shopShare, desc: undefined },
    })

    await page.go('/product/3')
    const productShare = {
      title: product3.name,
      desc: '¥39.90 · 脆甜多汁 5斤装',
      link: 'https://shop.example.com/product/3',
      imgUrl: 'https://shop.example.com/images/products/yantai-fuji-apple-1.jpg',
    }
    // the page shows the shop's card until its product arrives, then the product's
    await vi.waitFor(() => expect(page.bridge.shares.updateAppMessageShareData).toEqual(productShare))
    await vi.waitFor(() => expect(page.bridge.shares.updateTimelineShareData).toEqual({ ...productShare, desc: undefined }))

    await page.go('/cart')
    expect(page.bridge.shares.updateAppMessageShareData).toEqual(shopShare)
    expect(page.bridge.shares.updateTimelineShareData).toEqual({ ...shopShare, desc: undefined })
  })

  it('should share the shop on a product page whose product does not exist', async () => {
    const page = await openPage({ userAgent: ANDROID_WECHAT_UA, landing: '/product/404', bridge: { device: 'android', checks: 'current' } })
    await vi.waitFor(() => expect(page.calls.some(call => call.path === '/api/products/404')).toBe(true))
    await page.bridge.settled()
    expect(page.bridge.shares.updateAppMessageShareData).toEqual(shopShare)
  })

  it('should send only the newest share data when a page changes it again before WeChat was ready', async () => {
    const page = await openPage({ userAgent: ANDROID_WECHAT_UA, landing: '/cart', bridge: { device: 'android', checks: 'current' } })
    const older = { ...shopShare, title: '旧标题' }
    const newer = { ...shopShare, title: '新标题' }
    const first = page.wechat.share(older)
    await page.wechat.share(newer)
    await first
    await page.bridge.settled()
    const titles = page.bridge.calls.filter(call => call.name === 'updateAppMessageShareData').map(call => call.params.title)
    expect(titles).not.toContain('旧标题')
    expect(page.bridge.shares.updateAppMessageShareData).toEqual(newer)
  })
})
