import { afterEach, describe, expect, it, vi } from 'vitest'
import { apiError } from '../helpers'
import { ANDROID_WECHAT_UA, APP_ID, CHROME_UA, fakeSignature, installFakeBridge, IOS_WECHAT_UA } from './fake-bridge'
import { closePages, openPage } from './harness'

const origin = window.location.origin
const LANDING = '/?code=0a1b2c&state=s7'

// The first test of a file transforms the product page and Vant for the fresh module graph.
vi.setConfig({ testTimeout: 30_000 })

afterEach(() => {
  closePages()
  vi.unstubAllGlobals()
  vi.restoreAllMocks()
  vi.doUnmock('weixin-js-sdk')
})

describe('wx.config on iOS (the client checks the landing URL)', () => {
  it('should sign the landing URL with its code and state, once for the page however the route changes', async () => {
    const page = await openPage({ userAgent: IOS_WECHAT_UA, landing: LANDING, bridge: { device: 'ios', checks: 'landing' } })
    await page.go('/product/3')
    await page.go('/cart')
    await page.go('/')
    expect(page.signed()).toEqual([`${origin}/?code=0a1b2c&state=s7`])
    expect(page.bridge.configs()).toEqual([`${origin}/?code=0a1b2c&state=s7`])
    await expect(page.wechat.ready()).resolves.toBeUndefined()
    // what the user notices: sharing works on every page
    expect(page.bridge.shares.updateAppMessageShareData).toMatchObject({ link: 'https://shop.example.com/' })
  })

  it('should re-sign once with realAuthUrl when a newer client checks the current URL, then sign the current URL after each route change', async () => {
    const page = await openPage({ userAgent: IOS_WECHAT_UA, landing: LANDING, bridge: { device: 'ios', checks: 'current', sendsRealAuthUrl: true } })
    expect(page.bridge.configs()).toEqual([`${origin}/?code=0a1b2c&state=s7`, `${origin}/`])
    await page.go('/product/3')
    expect(page.bridge.configs()).toEqual([`${origin}/?code=0a1b2c&state=s7`, `${origin}/`, `${origin}/product/3`])
    await expect(page.wechat.ready()).resolves.toBeUndefined()
  })

  it('should sign the current URL once a newer client denies the first call after a route change, when its first config passed on an unmoved page', async () => {
    const page = await openPage({ userAgent: IOS_WECHAT_UA, landing: '/', bridge: { device: 'ios', checks: 'current', sendsRealAuthUrl: true } })
    expect(page.bridge.configs()).toEqual([`${origin}/`])
    await page.go('/cart')
    expect(page.bridge.configs()).toEqual([`${origin}/`, `${origin}/cart`])
    expect(page.bridge.shares.updateAppMessageShareData).toMatchObject({ link: 'https://shop.example.com/' })
    await page.go('/product/3')
    expect(page.bridge.configs()).toEqual([`${origin}/`, `${origin}/cart`, `${origin}/product/3`])
    expect(page.bridge.shares.updateAppMessageShareData).toMatchObject({ link: 'https://shop.example.com/product/3' })
  })

  it('should re-sign with the current URL when the refusal carries no realAuthUrl', async () => {
    const page = await openPage({ userAgent: IOS_WECHAT_UA, landing: LANDING, bridge: { device: 'ios', checks: 'current' } })
    expect(page.bridge.configs()).toEqual([`${origin}/?code=0a1b2c&state=s7`, `${origin}/`])
    await expect(page.wechat.ready()).resolves.toBeUndefined()
  })

  it('should re-sign once and then stop when WeChat refuses both URLs, leaving ready() rejected and the page working', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const page = await openPage({
      userAgent: IOS_WECHAT_UA,
      landing: LANDING,
      bridge: { device: 'ios', checks: 'landing' },
      // a signature made with a stale ticket: no URL makes it valid
      api: call => call.path.startsWith('/api/jssdk/config') ? { body: { appId: 'wxa1b2c3d4e5f60718', timestamp: 1, nonceStr: 'n', signature: 'stale', jsApiList: ['checkJsApi'] } } : undefined,
      shares: false,
    })
    await expect(page.wechat.ready()).rejects.toMatchObject({ name: 'WechatConfigError', reason: 'config:invalid signature' })
    await page.go('/product/3', { shares: false })
    await page.go('/cart', { shares: false })
    await expect(page.wechat.ready()).rejects.toMatchObject({ name: 'WechatConfigError' })
    await page.bridge.settled()
    expect(page.bridge.configs()).toHaveLength(2)
    expect(page.signed()).toHaveLength(2)
    expect(page.router.currentRoute.value.path).toBe('/cart')
    expect(page.bridge.shares).toEqual({})
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('wx.config failed'), expect.anything())
  })
})

describe('wx.config on Android (the client checks the current URL)', () => {
  it('should sign the current URL without its fragment after each route change', async () => {
    const page = await openPage({ userAgent: ANDROID_WECHAT_UA, landing: LANDING, bridge: { device: 'android', checks: 'current' } })
    await page.go('/product/3#reviews')
    await page.go('/cart')
    expect(page.bridge.configs()).toEqual([`${origin}/`, `${origin}/product/3`, `${origin}/cart`])
    await expect(page.wechat.ready()).resolves.toBeUndefined()
  })

  it('should make no new config when the URL to sign did not change', async () => {
    const page = await openPage({ userAgent: ANDROID_WECHAT_UA, landing: '/cart', bridge: { device: 'android', checks: 'current' } })
    await page.go('/cart#top')
    await page.go('/cart#bottom')
    expect(page.bridge.configs()).toEqual([`${origin}/cart`])
    expect(page.signed()).toEqual([`${origin}/cart`])
  })

  it('should re-sign once with the landing URL when the client checks that one instead', async () => {
    const page = await openPage({ userAgent: ANDROID_WECHAT_UA, landing: LANDING, bridge: { device: 'android', checks: 'landing' } })
    expect(page.bridge.configs()).toEqual([`${origin}/`, `${origin}/?code=0a1b2c&state=s7`])
    await expect(page.wechat.ready()).resolves.toBeUndefined()
  })
})

describe('wx.config when it cannot be had', () => {
  it('should leave ready() rejected and make no config when the API cannot sign (502)', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const page = await openPage({
      userAgent: ANDROID_WECHAT_UA,
      landing: '/',
      api: call => call.path.startsWith('/api/jssdk/config') ? apiError(502, 'WECHAT_UNAVAILABLE', '微信服务暂时无法连接') : undefined,
      bridge: { device: 'android', checks: 'current' },
      shares: false,
    })
    await expect(page.wechat.ready()).rejects.toMatchObject({ name: 'WechatConfigError', reason: 'WECHAT_UNAVAILABLE' })
    expect(page.bridge.configs()).toEqual([])
    await page.go('/cart', { shares: false })
    expect(page.router.currentRoute.value.path).toBe('/cart')
    expect(warn).toHaveBeenCalled()
  })

  it('should never load the SDK outside WeChat, and reject ready, share and scan as not in WeChat', async () => {
    let sdkLoaded = false
    vi.doMock('weixin-js-sdk', () => {
      sdkLoaded = true
      return {}
    })
    const page = await openPage({ userAgent: CHROME_UA, landing: '/', shares: false })
    await page.go('/product/3', { shares: false })
    await expect(page.wechat.ready()).rejects.toMatchObject({ name: 'WechatUnavailableError' })
    await expect(page.wechat.share({ title: 't', desc: 'd', link: 'https://shop.example.com/', imgUrl: 'https://shop.example.com/share-icon.png' })).rejects.toMatchObject({ name: 'WechatUnavailableError' })
    await expect(page.wechat.scan()).rejects.toMatchObject({ name: 'WechatUnavailableError' })
    expect(sdkLoaded).toBe(false)
    expect(page.signed()).toEqual([])
    expect(page.bridge.calls).toEqual([])
  })

  it('should give up a config the client never answers instead of holding every later one', async () => {
    vi.resetModules()
    vi.spyOn(navigator, 'userAgent', 'get').mockReturnValue(ANDROID_WECHAT_UA)
    window.history.replaceState(null, '', '/')
    const bridge = installFakeBridge({ device: 'android', checks: 'current', landingUrl: window.location.href })
    bridge.setSilent(true)
    // long enough for the fake client's answers, short enough for the test to wait out
    const wechat = (await androidSession())({ configTimeoutMs: 2000 })
    await expect(wechat.ready()).rejects.toMatchObject({ name: 'WechatConfigError', reason: 'config:no answer' })
    bridge.setSilent(false)
    window.history.pushState(null, '', '/cart')
    await expect(wechat.ready()).resolves.toBeUndefined()
    expect(bridge.configs()).toEqual([`${origin}/`, `${origin}/cart`])
  })

  it('should wait for the client\'s bridge, and give up on a page where it never comes', async () => {
    vi.resetModules()
    vi.spyOn(navigator, 'userAgent', 'get').mockReturnValue(ANDROID_WECHAT_UA)
    window.history.replaceState(null, '', '/')
    const create = await androidSession()
    const session = () => create({ bridgeTimeoutMs: 2000 })
    const first = session()
    await expect(first.ready()).rejects.toMatchObject({ name: 'WechatUnavailableError' })

    const late = session()
    const listening = vi.spyOn(document, 'addEventListener')
    const ready = late.ready()
    // the client's script runs later than ours: the page waits for its event
    await vi.waitFor(() => expect(listening).toHaveBeenCalledWith('WeixinJSBridgeReady', expect.any(Function), expect.anything()))
    const bridge = installFakeBridge({ device: 'android', checks: 'current', landingUrl: window.location.href })
    document.dispatchEvent(new Event('WeixinJSBridgeReady'))
    await expect(ready).resolves.toBeUndefined()
    expect(bridge.configs()).toEqual([`${origin}/`])

    // the first page's session tries again on its next URL, now that the bridge is there
    window.history.pushState(null, '', '/cart')
    await expect(first.ready()).resolves.toBeUndefined()
    expect(bridge.configs()).toEqual([`${origin}/`, `${origin}/cart`])
  })
})

/**
 * Makes Android WeChat sessions straight from createWechat (no router), on freshly imported modules,
 * signing with the test API's fake signature; `timeouts` shortens the waits a test sits out.
 */
async function androidSession() {
  const { createWechat } = await import('~/wechat/create-wechat')
  const { loadSdk } = await import('~/wechat/sdk')
  return (timeouts: { configTimeoutMs?: number, bridgeTimeoutMs?: number }) => createWechat({
    userAgent: ANDROID_WECHAT_UA,
    landingUrl: () => `${origin}/`,
    currentUrl: () => window.location.href,
    fetchConfig: async url => ({ appId: APP_ID, timestamp: 1, nonceStr: 'n', signature: fakeSignature(url), jsApiList: ['checkJsApi'] }),
    loadSdk,
    warn: () => {},
    ...timeouts,
  })
}
