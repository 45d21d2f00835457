import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { h } from 'vue'
import { createMemoryHistory, createRouter, RouterView } from 'vue-router'
import { CART_STORAGE_KEY } from '~/stores/cart'
import { type ApiCall, product, stubApi } from '../helpers'
import { buttonByText, path } from './harness'

const unmounts: Array<() => void> = []

async function open(landing: string) {
  setActivePinia(createPinia())
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/cart', component: () => import('~/pages/cart/CartPage.vue') },
      { path: '/product/:id(\\d+)', component: () => import('~/pages/product/ProductPage.vue'), props: route => ({ id: Number(route.params.id) }) },
      { path: '/profile', component: () => import('~/pages/profile/ProfilePage.vue') },
      { path: '/:rest(.*)*', component: { render: () => null } },
    ],
  })
  await router.push(landing)
  const wrapper = mount({ render: () => h(RouterView) }, { global: { plugins: [router] }, attachTo: document.body })
  unmounts.push(() => wrapper.unmount())
  await flushPromises()
  return router
}

function api(call: ApiCall) {
  const at = path(call)
  if (at === '/api/products')
    return { body: { items: [product({ id: 3 }), product({ id: 7 })], page: 1, pageSize: 2, total: 2, hasMore: false } }
  if (at === '/api/products/3')
    return { body: { ...product({ id: 3 }), description: '', images: [] } }
  return { body: { appId: 'wx1', mode: 'mock', jsApiList: [], shopName: '微选好物', publicUrl: 'http://localhost:3000', followQrUrl: null, payDirectory: null } }
}

function cartWith(selected: boolean[]) {
  localStorage.setItem(CART_STORAGE_KEY, JSON.stringify({ lines: [
    { productId: 3, name: 'a', coverImage: '', priceFen: 1000, stock: 10, quantity: 2, selected: selected[0], unavailable: null },
    { productId: 7, name: 'b', coverImage: '', priceFen: 1000, stock: 10, quantity: 1, selected: selected[1], unavailable: null },
  ] }))
}

afterEach(() => {
  for (const unmount of unmounts.splice(0))
    unmount()
  localStorage.clear()
  vi.unstubAllGlobals()
})

describe('ways into checkout and orders', { timeout: 20_000 }, () => {
  it('should take the selected cart lines to the checkout when 去结算 is tapped', async () => {
    stubApi(api)
    cartWith([true, false])
    const router = await open('/cart')
    buttonByText('去结算')!.click()
    await vi.waitFor(() => expect(router.currentRoute.value.fullPath).toBe('/checkout?items=3x2&from=cart'))
  })

  it('should disable 去结算 when nothing is selected', async () => {
    stubApi(api)
    cartWith([false, false])
    await open('/cart')
    expect(buttonByText('去结算')!.disabled).toBe(true)
  })

  it('should take this product alone to the checkout, leaving the cart as it was, when 立即购买 is tapped', async () => {
    stubApi(api)
    const router = await open('/product/3')
    buttonByText('立即购买')!.click()
    await vi.waitFor(() => expect(router.currentRoute.value.fullPath).toBe('/checkout?items=3x1&from=buy'))
    expect(localStorage.getItem(CART_STORAGE_KEY)).toBeNull()
  })

  it('should lead from 我的 to the orders waiting for pay and the paid ones', async () => {
    stubApi(api)
    const router = await open('/profile')
    const item = (text: string) => [...document.querySelectorAll<HTMLElement>('.van-grid-item')].find(el => el.textContent?.trim() === text)!
    item('待支付').querySelector<HTMLElement>('.van-grid-item__content')!.click()
    await vi.waitFor(() => expect(router.currentRoute.value.fullPath).toBe('/orders?status=unpaid'))
    await router.push('/profile')
    await flushPromises()
    item('已支付').querySelector<HTMLElement>('.van-grid-item__content')!.click()
    await vi.waitFor(() => expect(router.currentRoute.value.fullPath).toBe('/orders?status=paid'))
  })
})
