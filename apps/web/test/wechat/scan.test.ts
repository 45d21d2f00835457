import { flushPromises, mount } from '@vue/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { ANDROID_WECHAT_UA, APP_ID, CHROME_UA, IOS_WECHAT_UA } from './fake-bridge'
import { closePages, openPage, type Page, PUBLIC_URL } from './harness'

// The first test of a file transforms the product page and Vant for the fresh module graph.
vi.setConfig({ testTimeout: 30_000 })

afterEach(() => {
  closePages()
  vi.unstubAllGlobals()
  vi.restoreAllMocks()
  document.body.innerHTML = ''
})

/** The home header's 扫一扫 button on a page opened at `/`. */
async function scanButton(page: Page) {
  const { default: HomeScanButton } = await import('~/pages/home/HomeScanButton.vue')
  const wrapper = mount(HomeScanButton, { global: { plugins: [page.router] }, attachTo: document.body })
  await flushPromises()
  return wrapper
}

async function tapScan(page: Page) {
  const wrapper = await scanButton(page)
  await wrapper.get('button[aria-label="扫一扫"]').trigger('click')
  return wrapper
}

const toastText = () => document.body.querySelector('.van-toast')?.textContent ?? ''

describe('扫一扫 on the home page', () => {
  it.each([
    ['a product URL on the shop origin, on iOS', IOS_WECHAT_UA, 'ios', 'landing', `${PUBLIC_URL}/product/3?from=poster#top`],
    ['a printed barcode, on Android', ANDROID_WECHAT_UA, 'android', 'current', 'CODE_128,3'],
  ] as const)('should open the product that %s names', async (_name, userAgent, device, checks, text) => {
    const page = await openPage({ userAgent, landing: '/', bridge: { device, checks } })
    page.bridge.queueScan({ text })
    await tapScan(page)
    // patience, not timing: the product page's chunk is transformed on first use
    await vi.waitFor(() => expect(page.router.currentRoute.value.fullPath).toBe('/product/3'), { timeout: 10_000 })
    const scan = page.bridge.calls.find(call => call.name === 'scanQRCode')
    expect(scan?.params).toMatchObject({ needResult: 1, scanType: ['qrCode', 'barCode'] })
    expect(toastText()).toBe('')
  })

  it('should say 没有找到这个商品 when the scanned product does not exist', async () => {
    const page = await openPage({ userAgent: ANDROID_WECHAT_UA, landing: '/', bridge: { device: 'android', checks: 'current' } })
    page.bridge.queueScan({ text: 'CODE_128,404' })
    await tapScan(page)
    await vi.waitFor(() => expect(toastText()).toBe('没有找到这个商品'))
    expect(page.router.currentRoute.value.path).toBe('/')
  })

  it('should say 无法识别这个码 when the code names no product of ours', async () => {
    const page = await openPage({ userAgent: IOS_WECHAT_UA, landing: '/', bridge: { device: 'ios', checks: 'landing' } })
    page.bridge.queueScan({ text: 'https://evil.example.com/product/3' })
    await tapScan(page)
    await vi.waitFor(() => expect(toastText()).toBe('无法识别这个码'))
    expect(page.router.currentRoute.value.path).toBe('/')
  })

  it('should do nothing when the scanner is closed', async () => {
    const page = await openPage({ userAgent: IOS_WECHAT_UA, landing: '/', bridge: { device: 'ios', checks: 'landing' } })
    page.bridge.queueScan('cancel')
    await tapScan(page)
    await vi.waitFor(() => expect(page.bridge.calls.some(call => call.name === 'scanQRCode')).toBe(true))
    await page.bridge.settled()
    await flushPromises()
    expect(toastText()).toBe('')
    expect(page.router.currentRoute.value.path).toBe('/')
  })

  it('should hide 扫一扫 outside WeChat in live mode', async () => {
    const page = await openPage({
      userAgent: CHROME_UA,
      landing: '/',
      shares: false,
      api: call => call.path === '/api/config' ? { body: { appId: APP_ID, mode: 'live', jsApiList: [], shopName: '微选好物', publicUrl: PUBLIC_URL, followQrUrl: null } } : undefined,
    })
    const wrapper = await scanButton(page)
    // App.vue loads the config for every page
    const { useAppConfigStore } = await import('~/stores/app-config')
    await useAppConfigStore().load()
    await flushPromises()
    expect(wrapper.find('button').exists()).toBe(false)
  })

  it('should show 扫一扫 outside WeChat in mock mode and say that it needs WeChat', async () => {
    const page = await openPage({ userAgent: CHROME_UA, landing: '/', shares: false })
    const { useAppConfigStore } = await import('~/stores/app-config')
    await useAppConfigStore().load()
    await tapScan(page)
    await vi.waitFor(() => expect(toastText()).toBe('扫一扫需要在微信中使用'))
    expect(page.bridge.calls).toEqual([])
  })
})
