import { setActivePinia, createPinia } from 'pinia'
import { expect, vi } from 'vitest'
import type * as WechatModule from '~/wechat'
import { mount } from '@vue/test-utils'
import { h } from 'vue'
import { createRouter, createWebHistory, type Router, RouterView } from 'vue-router'
import { type ApiAnswer, type ApiCall, stubApi } from '../helpers'
import { APP_ID, fakeSignature, type FakeBridge, type FakeBridgeOptions, installFakeBridge } from './fake-bridge'

export const PUBLIC_URL = 'https://shop.example.com'
export const SHOP_NAME = '微选好物'

export const product3 = {
  id: 3,
  categoryId: 1,
  name: '烟台红富士苹果',
  subtitle: '脆甜多汁 5斤装',
  priceFen: 3990,
  originalPriceFen: null,
  stock: 10,
  sales: 0,
  coverImage: '/images/products/yantai-fuji-apple-1.jpg',
  description: '',
  images: ['/images/products/yantai-fuji-apple-1.jpg'],
}

/** The API as the page meets it: /api/config, a signing /api/jssdk/config, products 3 (and 404 for others). */
export function defaultApi(call: ApiCall): ApiAnswer {
  const url = new URL(call.path, 'http://localhost')
  if (url.pathname === '/api/config')
    return { body: { appId: APP_ID, mode: 'mock', jsApiList: [], shopName: SHOP_NAME, publicUrl: PUBLIC_URL, followQrUrl: null } }
  if (url.pathname === '/api/jssdk/config') {
    const page = url.searchParams.get('url') ?? ''
    return { body: { appId: APP_ID, timestamp: 1764475200, nonceStr: 'Wm3WZYTPz0wzccnW', signature: fakeSignature(page), jsApiList: ['checkJsApi', 'updateAppMessageShareData', 'updateTimelineShareData', 'scanQRCode'] } }
  }
  if (url.pathname === '/api/products/3')
    return { body: product3 }
  if (url.pathname.startsWith('/api/products/'))
    return { status: 404, body: { error: { code: 'NOT_FOUND', message: 'no such product' } } }
  return { status: 404, body: { error: { code: 'NOT_FOUND', message: call.path } } }
}

const opened: Array<() => void> = []

/** Unmounts the pages opened so far (afterEach). */
export function closePages(): void {
  for (const close of opened.splice(0))
    close()
}

export interface PageOptions {
  userAgent: string
  /** Path (and query) the page is first loaded with, e.g. `/?code=abc&state=xyz` back from WeChat. */
  landing: string
  bridge?: Omit<FakeBridgeOptions, 'landingUrl'>
  /** Answers instead of defaultApi; undefined falls through to it. */
  api?: (call: ApiCall) => ApiAnswer | undefined
  /** Wait for the first route's share data to reach WeChat (false when the config is meant to fail). */
  shares?: boolean
}

export interface Page {
  router: Router
  calls: ApiCall[]
  bridge: FakeBridge
  wechat: typeof WechatModule
  /** The URLs the page asked GET /api/jssdk/config to sign. */
  signed: () => string[]
  /**
   * Navigates, then waits until that route's share data reached WeChat: the router hook signs (when
   * needed) and shares after it, so every config of this route change is answered by then. Nothing
   * here calls ready(), so a missing router hook would show.
   */
  go: (to: string, options?: { shares?: boolean }) => Promise<void>
}

/**
 * A page load in a browser with `userAgent`: fresh modules (the SDK reads the user agent when it
 * is evaluated), the landing URL in the address bar, the app's wechat module installed on a real
 * history router whose guard strips code and state like the login guard, the real weixin-js-sdk
 * over the fake WeChat client.
 */
export async function openPage(options: PageOptions): Promise<Page> {
  vi.resetModules()
  vi.spyOn(navigator, 'userAgent', 'get').mockReturnValue(options.userAgent)
  window.history.replaceState(null, '', options.landing)
  const calls = stubApi(call => options.api?.(call) ?? defaultApi(call))
  const bridge = installFakeBridge({ device: 'ios', checks: 'landing', ...options.bridge, landingUrl: window.location.href })
  // main.ts imports it before the router exists
  ;(await import('~/wechat/landing-url')).captureLandingUrl()
  setActivePinia(createPinia())
  const wechat = await import('~/wechat')
  const router = createRouter({
    history: createWebHistory(),
    routes: [
      { path: '/', name: 'home', component: { render: () => null } },
      // the real product page: it hands its product to the share hook
      { path: '/product/:id(\\d+)', name: 'product', component: () => import('~/pages/product/ProductPage.vue'), props: route => ({ id: Number(route.params.id) }) },
      { path: '/cart', name: 'cart', component: { render: () => null } },
    ],
  })
  // the login guard's part that matters here: code and state leave the address bar at once
  router.beforeEach((to) => {
    if (!('code' in to.query))
      return true
    const { code: _code, state: _state, ...query } = to.query
    return { path: to.path, query, hash: to.hash, replace: true }
  })
  wechat.installWechat(router)
  const app = mount({ render: () => h(RouterView) }, { global: { plugins: [router] } })
  opened.push(() => app.unmount())
  const shareCalls = () => bridge.calls.filter(call => call.name === 'updateTimelineShareData').length
  async function navigate(to: string, shares: boolean) {
    const before = shareCalls()
    await router.push(to)
    if (shares)
      await vi.waitFor(() => expect(shareCalls()).toBeGreaterThan(before), { timeout: 10_000 })
    await bridge.settled()
  }
  await navigate(options.landing, options.shares ?? true)
  return {
    router,
    calls,
    bridge,
    wechat,
    signed: () => calls.map(call => new URL(call.path, 'http://localhost')).filter(url => url.pathname === '/api/jssdk/config').map(url => url.searchParams.get('url') ?? ''),
    go: (to, goOptions) => navigate(to, goOptions?.shares ?? true),
  }
}
