import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createMemoryHistory, createRouter } from 'vue-router'
import { navigateAway } from '~/auth/navigate-away'
import AuthDeniedPage from '~/pages/auth/AuthDeniedPage.vue'
import { type ApiCall, apiError, stubApi } from './helpers'

// Leaving for WeChat never finishes here: the page stays, as it does while WeChat loads.
vi.mock('~/auth/navigate-away', () => ({ navigateAway: vi.fn(() => new Promise<void>(() => {})) }))

let calls: ApiCall[]
const authorizeCalls = () => calls.filter(call => call.path === '/api/auth/wechat/authorize')

async function render() {
  setActivePinia(createPinia())
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [{ path: '/auth/denied', component: AuthDeniedPage }, { path: '/:rest(.*)*', component: { render: () => null } }],
  })
  await router.push('/auth/denied?returnTo=/profile')
  const wrapper = mount(AuthDeniedPage, { global: { plugins: [router] }, attachTo: document.body })
  await flushPromises()
  const button = () => wrapper.findAll('button').find(b => b.text().includes('重新授权') || b.text().includes('正在前往微信'))!
  return { wrapper, button }
}

beforeEach(() => {
  sessionStorage.clear()
  vi.mocked(navigateAway).mockClear()
  calls = stubApi((call) => {
    if (call.path === '/api/config')
      return { body: { appId: 'wx1', mode: 'mock', jsApiList: [], shopName: '微选好物' } }
    if (call.path === '/api/auth/wechat/authorize')
      return { body: { url: 'http://127.0.0.1:3100/connect/oauth2/authorize?appid=wx1#wechat_redirect' } }
    return apiError(404, 'NOT_FOUND')
  })
})

afterEach(() => {
  vi.unstubAllGlobals()
  document.body.innerHTML = ''
})

describe('重新授权 (useAuthorizeAgain)', () => {
  it('should start one authorisation however fast the taps come', async () => {
    const { button } = await render()
    const target = button()
    // two taps before the page has re-rendered the button as loading
    await Promise.all([target.trigger('click'), target.trigger('click')])
    await flushPromises()
    expect(authorizeCalls()).toHaveLength(1)
    expect(navigateAway).toHaveBeenCalledTimes(1)
    expect(button().text()).toBe('正在前往微信…')
  })

  it('should work again when WeChat\'s back button restores the page from the back/forward cache', async () => {
    const { button } = await render()
    await button().trigger('click')
    await flushPromises()
    expect(button().text()).toBe('正在前往微信…')
    window.dispatchEvent(Object.assign(new Event('pageshow'), { persisted: true }))
    await flushPromises()
    expect(button().text()).toBe('重新授权')
    await button().trigger('click')
    await flushPromises()
    expect(authorizeCalls()).toHaveLength(2)
  })
})
