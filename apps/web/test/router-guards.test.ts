import { flushPromises } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createMemoryHistory, createRouter, type RouteRecordRaw } from 'vue-router'
import { installGuards } from '~/router/guards'
import { stubApi } from './helpers'

const page = { render: () => null }
const chunkError = () => Promise.reject(new TypeError('Failed to fetch dynamically imported module: http://localhost:3000/assets/CartPage-1a2b3c.js'))

// Paths under /auth/ need no WeChat identity (routeAuthFor), so the login guard lets them through.
function setup(routes: RouteRecordRaw[]) {
  setActivePinia(createPinia())
  const router = createRouter({ history: createMemoryHistory(), routes })
  installGuards(router)
  return router
}

let assign: ReturnType<typeof vi.fn>

beforeEach(() => {
  sessionStorage.clear()
  document.title = ''
  stubApi(() => ({ body: { appId: 'wx1', mode: 'mock', jsApiList: [], shopName: '微选好物' } }))
  assign = vi.fn()
  vi.spyOn(window, 'location', 'get').mockReturnValue({ ...window.location, assign } as Location)
})

afterEach(() => {
  vi.restoreAllMocks()
  vi.unstubAllGlobals()
})

describe('router guards', () => {
  it('should reload a page whose chunk failed to load once, never in a loop', async () => {
    const router = setup([{ path: '/auth/cart', component: chunkError }])
    await router.push('/auth/cart').catch(() => {})
    expect(assign).toHaveBeenCalledWith('/auth/cart')
    await router.push('/auth/cart').catch(() => {})
    expect(assign).toHaveBeenCalledTimes(1)
  })

  it('should not reload for an error that is not a failed chunk', async () => {
    const router = setup([{ path: '/auth/broken', component: () => Promise.reject(new Error('render bug')) }])
    await router.push('/auth/broken').catch(() => {})
    expect(assign).not.toHaveBeenCalled()
  })

  it('should title the page once the shop name is known, and leave the title alone when a navigation fails', async () => {
    const router = setup([
      { path: '/auth/a', component: page, meta: { title: '甲' } },
      { path: '/auth/b', component: page, meta: { title: '乙' }, beforeEnter: () => false },
    ])
    await router.push('/auth/a')
    await flushPromises()
    expect(document.title).toBe('甲 - 微选好物')
    await router.push('/auth/b')
    expect(document.title).toBe('甲 - 微选好物')
  })
})
