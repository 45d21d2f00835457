import { flushPromises } from '@vue/test-utils'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { fullLoad } from '~/pages/orders/full-load'
import { ADDRESS_STORAGE_KEY } from '~/stores/address'
import { CART_STORAGE_KEY, useCartStore } from '~/stores/cart'
import { type ApiAnswer, type ApiCall, apiError, product } from '../helpers'
import {
  ADDRESS, CHROME_UA, click, closeApps, installPayBridge, IOS_WECHAT_UA, openApp, order, ORIGIN, PAY_PARAMS,
  path, publicConfig, toastText,
} from './harness'

vi.mock('~/pages/orders/full-load', () => ({ fullLoad: vi.fn() }))

describe('checkout', { timeout: 20_000 }, () => {
  let createAnswer: ApiAnswer
  let payDirectory: string

  function api(call: ApiCall): ApiAnswer {
    const at = path(call)
    if (at === '/api/config')
      return { body: publicConfig(payDirectory) }
    if (at === '/api/products')
      return { body: { items: [product({ id: 3, name: '烟台红富士苹果', priceFen: 3990 }), product({ id: 7, name: '赣南脐橙', priceFen: 2590 })], page: 1, pageSize: 2, total: 2, hasMore: false } }
    if (at === '/api/orders' && call.method === 'POST')
      return createAnswer
    if (at === '/api/orders/5')
      return { body: order() }
    if (at === '/api/orders/5/pay')
      return { body: PAY_PARAMS }
    if (at === '/api/orders/5/sync')
      return { body: order({ status: 'paid', paidAt: '2026-11-30T07:05:00.000Z' }) }
    return apiError(404, 'NOT_FOUND', at)
  }

  const orderPosts = (calls: ApiCall[]) => calls.filter(call => call.method === 'POST' && path(call) === '/api/orders')

  beforeEach(() => {
    vi.mocked(fullLoad).mockClear()
    localStorage.clear()
    localStorage.setItem(ADDRESS_STORAGE_KEY, JSON.stringify(ADDRESS))
    createAnswer = { status: 201, body: order({ items: [
      { productId: 3, name: '烟台红富士苹果', coverImage: '/p3.jpg', priceFen: 3990, quantity: 2, subtotalFen: 7980 },
      { productId: 7, name: '赣南脐橙', coverImage: '/p7.jpg', priceFen: 2590, quantity: 1, subtotalFen: 2590 },
    ], totalFen: 10570 }) }
    payDirectory = `${ORIGIN}/`
  })

  afterEach(() => {
    closeApps()
    localStorage.clear()
  })

  it('should show the catalogue\'s prices and send products, quantities, address and remark but no price when 提交订单 is pressed', async () => {
    installPayBridge(() => 'ok')
    const { calls, router } = await openApp({ userAgent: IOS_WECHAT_UA, landing: '/checkout?items=3x2,7x1&from=cart', api })
    expect(document.querySelector('[data-testid=checkout-total]')?.textContent).toBe('¥105.70')
    const remark = document.querySelector<HTMLTextAreaElement | HTMLInputElement>('input[name=remark], textarea[name=remark]')!
    remark.value = '请尽快发货'
    remark.dispatchEvent(new Event('input'))
    await click('提交订单')
    expect(orderPosts(calls).map(call => call.body)).toEqual([{
      items: [{ productId: 3, quantity: 2 }, { productId: 7, quantity: 1 }],
      address: ADDRESS,
      remark: '请尽快发货',
    }])
    expect(JSON.stringify(orderPosts(calls)[0]!.body)).not.toMatch(/fen|price|total/i)
    await vi.waitFor(() => expect(router.currentRoute.value.path).toBe('/orders/5'))
  })

  it('should take the bought lines out of the cart and pay on the order page when the order is created', async () => {
    const invoked = installPayBridge(() => 'ok')
    localStorage.setItem(CART_STORAGE_KEY, JSON.stringify({ lines: [
      { productId: 3, name: 'a', coverImage: '', priceFen: 3990, stock: 10, quantity: 2, selected: true, unavailable: null },
      { productId: 7, name: 'b', coverImage: '', priceFen: 2590, stock: 10, quantity: 1, selected: true, unavailable: null },
      { productId: 9, name: 'c', coverImage: '', priceFen: 100, stock: 10, quantity: 1, selected: false, unavailable: null },
    ] }))
    const { router } = await openApp({ userAgent: IOS_WECHAT_UA, landing: '/checkout?items=3x2,7x1&from=cart', api })
    await click('提交订单')
    await vi.waitFor(() => expect(invoked).toHaveLength(1))
    expect(useCartStore().lines.map(line => line.productId)).toEqual([9])
    expect(router.currentRoute.value.fullPath).toBe('/orders/5')
    expect(fullLoad).not.toHaveBeenCalled()
  })

  it('should enter the order page by a full load with pay=1 when iOS landed outside the registered pay directory', async () => {
    payDirectory = `${ORIGIN}/orders/`
    const invoked = installPayBridge(() => 'ok')
    await openApp({ userAgent: IOS_WECHAT_UA, landing: '/checkout?items=3x2,7x1&from=buy', api })
    await click('提交订单')
    expect(fullLoad).toHaveBeenCalledWith(`${ORIGIN}/orders/5?pay=1`)
    expect(invoked).toHaveLength(0)
  })

  it('should show the out-of-stock message and stay on the checkout when the server answers OUT_OF_STOCK', async () => {
    createAnswer = apiError(409, 'OUT_OF_STOCK', '「赣南脐橙」库存不足')
    const { calls, router } = await openApp({ userAgent: CHROME_UA, landing: '/checkout?items=3x2,7x1&from=cart', api })
    await click('提交订单')
    expect(toastText()).toBe('「赣南脐橙」库存不足')
    expect(router.currentRoute.value.path).toBe('/checkout')
    expect(orderPosts(calls)).toHaveLength(1)
  })

  it('should ask for the address in the form, and send nothing, when no valid address is known', async () => {
    localStorage.removeItem(ADDRESS_STORAGE_KEY)
    const { calls } = await openApp({ userAgent: CHROME_UA, landing: '/checkout?items=3x1&from=buy', api })
    await click('提交订单')
    expect(toastText()).toBe('请填写收货地址')
    expect(orderPosts(calls)).toHaveLength(0)
    const fill = (name: string, value: string) => {
      const input = document.querySelector<HTMLInputElement | HTMLTextAreaElement>(`.van-popup [name=${name}]`)!
      input.value = value
      input.dispatchEvent(new Event('input'))
    }
    for (const [name, value] of Object.entries({ ...ADDRESS, phone: '12345' }))
      fill(name, value)
    await flushPromises()
    document.querySelector<HTMLButtonElement>('[data-testid=address-save]')!.click()
    await flushPromises()
    expect(document.body.textContent).toContain('请填写正确的 11 位手机号')
    fill('phone', ADDRESS.phone)
    document.querySelector<HTMLButtonElement>('[data-testid=address-save]')!.click()
    await flushPromises()
    await click('提交订单')
    expect(orderPosts(calls).map(call => (call.body as { address: unknown }).address)).toEqual([ADDRESS])
    // remembered for the next checkout on this phone
    expect(JSON.parse(localStorage.getItem(ADDRESS_STORAGE_KEY)!)).toEqual(ADDRESS)
  })
})
