import type { Order, PayParams } from '@wxshop/shared'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { closeDialog, closeToast } from 'vant'
import { expect, vi } from 'vitest'
import { h } from 'vue'
import { createRouter, createWebHistory, type Router, RouterView } from 'vue-router'
import { captureLandingUrl } from '~/wechat/landing-url'
import { type ApiAnswer, type ApiCall, stubApi } from '../helpers'
import { ANDROID_WECHAT_UA, CHROME_UA, IOS_WECHAT_UA } from '../wechat/fake-bridge'

export { ANDROID_WECHAT_UA, CHROME_UA, IOS_WECHAT_UA }

/** happy-dom's page origin: the URLs the client would check. */
export const ORIGIN = window.location.origin

export const ADDRESS = { name: '张三', phone: '13800138000', province: '广东省', city: '深圳市', district: '南山区', detail: '科技园 1 号' }

export function order(overrides: Partial<Order> = {}): Order {
  return {
    id: 5,
    orderNo: 'WX20261130150405000005',
    status: 'unpaid',
    items: [{ productId: 3, name: '烟台红富士苹果', coverImage: '/images/p3.jpg', priceFen: 3990, quantity: 2, subtotalFen: 7980 }],
    totalFen: 7980,
    address: ADDRESS,
    remark: null,
    createdAt: '2026-11-30T07:00:00.000Z',
    expiresAt: new Date(Date.now() + 29 * 60_000).toISOString(),
    paidAt: null,
    closedAt: null,
    closeReason: null,
    ...overrides,
  }
}

export const PAY_PARAMS: PayParams = {
  appId: 'wxa1b2c3d4e5f60718',
  timeStamp: '1764486000',
  nonceStr: 'n0nce',
  package: 'prepay_id=wx30150400000000000000000000000000',
  signType: 'RSA',
  paySign: 'c2lnbg==',
}

/** `WeixinJSBridge` as WeChat injects it, answering getBrandWCPayRequest with `result`. */
export function installPayBridge(result: () => 'ok' | 'cancel' | 'fail') {
  const invoked: Array<{ api: string, params: Record<string, string> }> = []
  ;(window as unknown as { WeixinJSBridge?: unknown }).WeixinJSBridge = {
    invoke: (api: string, params: Record<string, string>, callback: (res: { err_msg: string }) => void) => {
      invoked.push({ api, params })
      setTimeout(() => callback({ err_msg: `get_brand_wcpay_request:${result()}` }))
    },
  }
  return invoked
}

export function removePayBridge() {
  delete (window as unknown as { WeixinJSBridge?: unknown }).WeixinJSBridge
}

export function publicConfig(payDirectory: string | null) {
  return { appId: 'wxa1b2c3d4e5f60718', mode: 'mock', jsApiList: [], shopName: '微选好物', publicUrl: ORIGIN, followQrUrl: null, payDirectory }
}

export interface AppOptions {
  userAgent: string
  /** Path and query the page is first loaded with (the landing URL). */
  landing: string
  api: (call: ApiCall) => ApiAnswer
}

const opened: Array<() => void> = []

/** A page load: landing URL in the address bar, the real routes for checkout and orders on a history router. */
export async function openApp(options: AppOptions): Promise<{ router: Router, calls: ApiCall[] }> {
  vi.spyOn(navigator, 'userAgent', 'get').mockReturnValue(options.userAgent)
  window.history.replaceState(null, '', options.landing)
  captureLandingUrl()
  const calls = stubApi(options.api)
  setActivePinia(createPinia())
  const router = createRouter({
    history: createWebHistory(),
    routes: [
      { path: '/', component: { render: () => null } },
      { path: '/cart', component: { render: () => null } },
      { path: '/checkout', component: () => import('~/pages/checkout/CheckoutPage.vue') },
      { path: '/orders', component: () => import('~/pages/orders/OrdersPage.vue') },
      { path: '/orders/:id(\\d+)', component: () => import('~/pages/orders/OrderDetailPage.vue'), props: route => ({ id: Number(route.params.id) }) },
    ],
  })
  const app = mount({ render: () => h(RouterView) }, { global: { plugins: [router] }, attachTo: document.body })
  opened.push(() => app.unmount())
  await router.push(options.landing)
  await flushPromises()
  return { router, calls }
}

export function closeApps() {
  for (const close of opened.splice(0))
    close()
  closeToast(true)
  closeDialog()
  removePayBridge()
  vi.unstubAllGlobals()
  vi.restoreAllMocks()
}

/** The toast on screen now (Vant leaves closed ones in <body>, hidden). */
export function toastText(): string {
  const shown = [...document.body.querySelectorAll<HTMLElement>('.van-toast')].filter(toast => toast.style.display !== 'none')
  return shown.at(-1)?.textContent ?? ''
}

export function buttonByText(text: string): HTMLButtonElement | undefined {
  return [...document.body.querySelectorAll<HTMLButtonElement>('button')].find(button => button.textContent?.trim() === text)
}

export async function click(text: string) {
  const button = buttonByText(text)
  expect(button, `button ${text}`).toBeDefined()
  button!.click()
  await flushPromises()
}

export const path = (call: ApiCall) => new URL(call.path, 'http://localhost').pathname
