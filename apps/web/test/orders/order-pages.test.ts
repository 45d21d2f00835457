import type { Order } from '@wxshop/shared'
import { flushPromises } from '@vue/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { type ApiCall, apiError } from '../helpers'
import { buttonByText, click, closeApps, IOS_WECHAT_UA, openApp, order, path, publicConfig } from './harness'

afterEach(closeApps)

describe('my orders', { timeout: 20_000 }, () => {
  function listApi(items: (status: string | null) => Order[]) {
    return (call: ApiCall) => {
      const url = new URL(call.path, 'http://localhost')
      if (url.pathname === '/api/orders') {
        const list = items(url.searchParams.get('status'))
        return { body: { items: list, page: 1, pageSize: 10, total: list.length, hasMore: false } }
      }
      return apiError(404, 'NOT_FOUND', call.path)
    }
  }
  const listQueries = (calls: ApiCall[]) => calls.filter(call => path(call) === '/api/orders').map(call => call.path)

  it('should ask for the tab\'s status, from the address and from each tab tapped', async () => {
    const { calls, router } = await openApp({ userAgent: IOS_WECHAT_UA, landing: '/orders?status=paid', api: listApi(() => []) })
    expect(listQueries(calls)).toEqual(['/api/orders?status=paid&page=1&pageSize=10'])
    const tab = (title: string) => [...document.querySelectorAll<HTMLElement>('.van-tab')].find(el => el.textContent?.trim() === title)!
    tab('待支付').click()
    await flushPromises()
    await vi.waitFor(() => expect(listQueries(calls).at(-1)).toBe('/api/orders?status=unpaid&page=1&pageSize=10'))
    expect(router.currentRoute.value.query).toEqual({ status: 'unpaid' })
    tab('全部').click()
    await flushPromises()
    await vi.waitFor(() => expect(listQueries(calls).at(-1)).toBe('/api/orders?page=1&pageSize=10'))
  })

  it('should show each order\'s number, state, pieces and total, and the tab\'s own empty state', async () => {
    const paid = order({ id: 8, orderNo: 'WX8', status: 'paid', paidAt: '2026-11-30T07:05:00.000Z' })
    await openApp({ userAgent: IOS_WECHAT_UA, landing: '/orders', api: listApi(status => (status === 'closed' ? [] : [paid])) })
    const card = document.querySelector('[data-testid=order-card]')!
    expect(card.textContent).toContain('订单号 WX8')
    expect(card.textContent).toContain('已支付')
    expect(card.textContent).toContain('共 2 件')
    expect(card.textContent).toContain('¥79.80')
    expect(card.getAttribute('href')).toBe('/orders/8')
    ;[...document.querySelectorAll<HTMLElement>('.van-tab')].find(el => el.textContent?.trim() === '已关闭')!.click()
    await vi.waitFor(() => expect(document.body.textContent).toContain('没有已关闭的订单'))
  })
})

describe('one order', { timeout: 20_000 }, () => {
  function detailApi(shown: () => Order, onCancel?: () => Order) {
    return (call: ApiCall) => {
      const at = path(call)
      if (at === '/api/config')
        return { body: publicConfig(null) }
      if (at === '/api/orders/5')
        return { body: shown() }
      if (at === '/api/orders/5/cancel' && onCancel)
        return { body: onCancel() }
      return apiError(404, 'NOT_FOUND', at)
    }
  }

  it('should offer 去支付 and 取消订单 with the time left to pay for an unpaid order', async () => {
    await openApp({ userAgent: IOS_WECHAT_UA, landing: '/orders/5', api: detailApi(() => order()) })
    expect(document.querySelector('[data-testid=order-state]')?.textContent).toContain('待支付')
    expect(document.body.textContent).toContain('剩余支付时间')
    expect(buttonByText('去支付')).toBeDefined()
    expect(buttonByText('取消订单')).toBeDefined()
    expect(document.querySelector('[data-testid=order-no]')?.textContent).toBe('WX20261130150405000005')
    expect(document.querySelector('[data-testid=order-total]')?.textContent).toBe('¥79.80')
    expect(document.body.textContent).toContain('商品金额¥79.80运费¥0.00')
  })

  it('should offer neither 去支付 nor 取消订单 for a paid order, and show when it was paid', async () => {
    await openApp({ userAgent: IOS_WECHAT_UA, landing: '/orders/5', api: detailApi(() => order({ status: 'paid', paidAt: '2026-11-30T07:05:00.000Z' })) })
    expect(document.querySelector('[data-testid=order-state]')?.textContent).toContain('已支付')
    expect(document.body.textContent).toContain('支付时间')
    expect(buttonByText('去支付')).toBeUndefined()
    expect(buttonByText('取消订单')).toBeUndefined()
  })

  it('should say 超时未支付 for an order closed by time', async () => {
    await openApp({ userAgent: IOS_WECHAT_UA, landing: '/orders/5', api: detailApi(() => order({ status: 'closed', closeReason: 'expired', closedAt: '2026-11-30T07:30:00.000Z' })) })
    expect(document.querySelector('[data-testid=order-state]')?.textContent).toContain('超时未支付')
    expect(buttonByText('去支付')).toBeUndefined()
  })

  it('should cancel the order only after the shopper confirms', async () => {
    const { calls } = await openApp({
      userAgent: IOS_WECHAT_UA,
      landing: '/orders/5',
      api: detailApi(() => order(), () => order({ status: 'closed', closeReason: 'cancelled', closedAt: '2026-11-30T07:10:00.000Z' })),
    })
    await click('取消订单')
    document.querySelector<HTMLButtonElement>('.van-dialog__cancel')!.click()
    await flushPromises()
    expect(calls.filter(call => path(call) === '/api/orders/5/cancel')).toHaveLength(0)
    await click('取消订单')
    document.querySelector<HTMLButtonElement>('.van-dialog__confirm')!.click()
    await vi.waitFor(() => expect(document.querySelector('[data-testid=order-state]')?.textContent).toContain('已取消'))
    expect(calls.filter(call => path(call) === '/api/orders/5/cancel')).toHaveLength(1)
    expect(buttonByText('去支付')).toBeUndefined()
  })
})
