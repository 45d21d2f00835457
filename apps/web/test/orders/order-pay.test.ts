import type { Order } from '@wxshop/shared'
import { flushPromises } from '@vue/test-utils'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { fullLoad } from '~/pages/orders/full-load'
import { type ApiAnswer, type ApiCall, apiError } from '../helpers'
import {
  ANDROID_WECHAT_UA, buttonByText, CHROME_UA, click, closeApps, installPayBridge, IOS_WECHAT_UA, openApp, order, ORIGIN,
  PAY_PARAMS, path, publicConfig, toastText,
} from './harness'

vi.mock('~/pages/orders/full-load', () => ({ fullLoad: vi.fn() }))

describe('paying an order', { timeout: 20_000 }, () => {
  let payDirectory: string | null
  let shown: Order
  /** What each POST /sync answers, in turn (the last one repeats). */
  let syncAnswers: Order[]
  let sheet: 'ok' | 'cancel' | 'fail'
  let payAnswer: ApiAnswer

  function api(call: ApiCall) {
    const at = path(call)
    if (at === '/api/config')
      return { body: publicConfig(payDirectory) }
    if (at === '/api/orders/5')
      return { body: shown }
    if (at === '/api/orders/5/pay')
      return payAnswer
    if (at === '/api/orders/5/sync')
      return { body: syncAnswers.length > 1 ? syncAnswers.shift() : syncAnswers[0] }
    return { status: 404, body: { error: { code: 'NOT_FOUND', message: at } } }
  }

  const count = (calls: ApiCall[], at: string) => calls.filter(call => path(call) === at).length

  beforeEach(() => {
    vi.mocked(fullLoad).mockClear()
    payDirectory = `${ORIGIN}/`
    shown = order()
    syncAnswers = [order({ status: 'paid', paidAt: '2026-11-30T07:05:00.000Z' })]
    sheet = 'ok'
    payAnswer = { body: PAY_PARAMS }
  })

  afterEach(closeApps)

  it('should ask the server until it says paid and only then show 支付成功 when the pay sheet says ok', async () => {
    syncAnswers = [order(), order({ status: 'paid', paidAt: '2026-11-30T07:05:00.000Z' })]
    const invoked = installPayBridge(() => sheet)
    const { calls } = await openApp({ userAgent: IOS_WECHAT_UA, landing: '/orders/5', api })
    await click('去支付')
    await vi.waitFor(() => expect(document.body.textContent).toContain('支付成功'), { timeout: 5000 })
    expect(invoked).toEqual([{ api: 'getBrandWCPayRequest', params: PAY_PARAMS }])
    expect(count(calls, '/api/orders/5/sync')).toBe(2)
    expect(document.body.textContent).toContain('支付时间')
    expect(buttonByText('去支付')).toBeUndefined()
  })

  it('should show 支付确认中, not paid, while the server still says unpaid after the sheet said ok', async () => {
    syncAnswers = [order()]
    installPayBridge(() => sheet)
    await openApp({ userAgent: IOS_WECHAT_UA, landing: '/orders/5', api })
    await click('去支付')
    await vi.waitFor(() => expect(document.querySelector('[data-testid=order-state]')?.textContent).toContain('支付确认中'))
    expect(document.body.textContent).not.toContain('支付成功')
  })

  it('should stay on the order with 去支付 and say 已取消支付 when the shopper closes the pay sheet', async () => {
    sheet = 'cancel'
    installPayBridge(() => sheet)
    const { router, calls } = await openApp({ userAgent: ANDROID_WECHAT_UA, landing: '/orders/5', api })
    await click('去支付')
    await vi.waitFor(() => expect(toastText()).toBe('已取消支付'))
    expect(router.currentRoute.value.path).toBe('/orders/5')
    expect(buttonByText('去支付')?.disabled).toBe(false)
    expect(count(calls, '/api/orders/5/sync')).toBe(0)
  })

  it('should say 支付失败，请重试 and let the shopper pay again when the pay sheet fails', async () => {
    sheet = 'fail'
    const invoked = installPayBridge(() => sheet)
    const { calls } = await openApp({ userAgent: ANDROID_WECHAT_UA, landing: '/orders/5', api })
    await click('去支付')
    await vi.waitFor(() => expect(toastText()).toBe('支付失败，请重试'))
    sheet = 'cancel'
    await click('去支付')
    await vi.waitFor(() => expect(invoked).toHaveLength(2))
    expect(count(calls, '/api/orders/5/sync')).toBe(0)
  })

  it('should show the server\'s words and the order as it is now when the order was paid meanwhile (ORDER_STATE)', async () => {
    payAnswer = apiError(409, 'ORDER_STATE', '订单已支付，无需重复支付')
    const invoked = installPayBridge(() => sheet)
    await openApp({ userAgent: IOS_WECHAT_UA, landing: '/orders/5', api })
    shown = order({ status: 'paid', paidAt: '2026-11-30T07:05:00.000Z' })
    await click('去支付')
    expect(toastText()).toBe('订单已支付，无需重复支付')
    await vi.waitFor(() => expect(document.querySelector('[data-testid=order-state]')?.textContent).toContain('已支付'))
    expect(invoked).toHaveLength(0)
  })

  it('should show the server\'s words and keep 去支付 when WeChat Pay refused the order (PAY_FAILED)', async () => {
    payAnswer = apiError(502, 'PAY_FAILED', '微信支付暂时无法使用，请稍后再试')
    installPayBridge(() => sheet)
    await openApp({ userAgent: IOS_WECHAT_UA, landing: '/orders/5', api })
    await click('去支付')
    expect(toastText()).toBe('微信支付暂时无法使用，请稍后再试')
    expect(buttonByText('去支付')?.disabled).toBe(false)
  })

  it('should ask the shopper to pay in WeChat, and ask the server for nothing, when outside WeChat', async () => {
    const { calls } = await openApp({ userAgent: CHROME_UA, landing: '/orders/5', api })
    await click('去支付')
    expect(toastText()).toBe('请在微信中完成支付')
    expect(count(calls, '/api/orders/5/pay')).toBe(0)
  })

  it('should load the order page afresh with pay=1 when iOS would check a landing URL outside the pay directory', async () => {
    payDirectory = `${ORIGIN}/orders/`
    installPayBridge(() => sheet)
    const { router, calls } = await openApp({ userAgent: IOS_WECHAT_UA, landing: '/', api })
    await router.push('/orders/5')
    await flushPromises()
    await click('去支付')
    expect(fullLoad).toHaveBeenCalledWith(`${ORIGIN}/orders/5?pay=1`)
    expect(count(calls, '/api/orders/5/pay')).toBe(0)
  })

  it('should pay without a reload after in-app navigation when the root directory is registered', async () => {
    installPayBridge(() => sheet)
    const { router, calls } = await openApp({ userAgent: IOS_WECHAT_UA, landing: '/', api })
    await router.push('/orders/5')
    await flushPromises()
    await click('去支付')
    await vi.waitFor(() => expect(document.body.textContent).toContain('支付成功'))
    expect(fullLoad).not.toHaveBeenCalled()
    expect(count(calls, '/api/orders/5/pay')).toBe(1)
  })

  it('should pay without a reload on Android, which checks the address bar, whatever page it landed on', async () => {
    payDirectory = `${ORIGIN}/orders/`
    installPayBridge(() => sheet)
    const { router, calls } = await openApp({ userAgent: ANDROID_WECHAT_UA, landing: '/', api })
    await router.push('/orders/5')
    await flushPromises()
    await click('去支付')
    await vi.waitFor(() => expect(count(calls, '/api/orders/5/pay')).toBe(1))
    expect(fullLoad).not.toHaveBeenCalled()
  })

  it('should pay once after a load with pay=1, remove pay=1 from the address bar, and not pay again on reload', async () => {
    payDirectory = `${ORIGIN}/orders/`
    const invoked = installPayBridge(() => sheet)
    const first = await openApp({ userAgent: IOS_WECHAT_UA, landing: '/orders/5?pay=1', api })
    await vi.waitFor(() => expect(document.body.textContent).toContain('支付成功'))
    expect(invoked).toHaveLength(1)
    expect(window.location.href).toBe(`${ORIGIN}/orders/5`)
    expect(first.router.currentRoute.value.query).toEqual({})
    expect(fullLoad).not.toHaveBeenCalled()

    closeApps()
    shown = order()
    const again = installPayBridge(() => sheet)
    const reload = await openApp({ userAgent: IOS_WECHAT_UA, landing: `${window.location.pathname}${window.location.search}`, api })
    expect(count(reload.calls, '/api/orders/5')).toBe(1)
    expect(count(reload.calls, '/api/orders/5/pay')).toBe(0)
    expect(again).toHaveLength(0)
  })
})
