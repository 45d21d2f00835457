import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createMemoryHistory, createRouter } from 'vue-router'
import App from '~/App.vue'
import { routes } from '~/router/routes'
import { SNAPSHOT_STORAGE_KEY } from '~/stores/session'
import { stubApi } from './helpers'

async function render(path: string, mode: 'mock' | 'live' = 'mock') {
  stubApi(() => ({ body: { appId: 'wx1', mode, jsApiList: [], shopName: '微选好物' } }))
  setActivePinia(createPinia())
  const router = createRouter({
    history: createMemoryHistory(),
    routes: routes.map(route => ({ ...route, component: { render: () => `page ${String(route.name)}` } }) as typeof route),
  })
  await router.push(path)
  const wrapper = mount(App, { global: { plugins: [router] } })
  await vi.waitFor(async () => {
    await flushPromises()
    expect(wrapper.text()).not.toBe('')
  })
  await flushPromises()
  return wrapper
}

beforeEach(() => {
  sessionStorage.clear()
})

afterEach(() => {
  vi.unstubAllGlobals()
})

describe('App shell', () => {
  it('should show the 模拟微信环境 strip in mock mode only', async () => {
    expect((await render('/')).text()).toContain('模拟微信环境')
    expect((await render('/', 'live')).text()).not.toContain('模拟微信环境')
  })

  it('should explain the 快照页 instead of showing a page that needs a real identity', async () => {
    sessionStorage.setItem(SNAPSHOT_STORAGE_KEY, '1')
    const wrapper = await render('/profile')
    await vi.waitFor(() => expect(wrapper.text()).toContain('快照页仅供浏览'))
    expect(wrapper.text()).not.toContain('page profile')
    expect(wrapper.findAll('button').map(button => button.text())).toContain('使用完整服务')
  })

  it('should let a 快照页 visitor browse with a banner', async () => {
    sessionStorage.setItem(SNAPSHOT_STORAGE_KEY, '1')
    const wrapper = await render('/cart')
    await vi.waitFor(() => expect(wrapper.text()).toContain('当前为快照页，点击底部「使用完整服务」后可登录购物'))
    expect(wrapper.text()).toContain('page cart')
  })
})
