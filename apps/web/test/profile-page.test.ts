import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { closeDialog } from 'vant'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createMemoryHistory, createRouter } from 'vue-router'
import ProfilePage from '~/pages/profile/ProfilePage.vue'
import { useSessionStore } from '~/stores/session'
import { type ApiCall, me, profile, stubApi } from './helpers'

describe('ProfilePage', () => {
  let calls: ApiCall[]
  let unmount = () => {}

  async function render() {
    setActivePinia(createPinia())
    useSessionStore().setMe(me({ scope: 'snsapi_userinfo', profile, account: { id: 7, phone: '138****8000' } }))
    const router = createRouter({
      history: createMemoryHistory(),
      routes: [{ path: '/profile', component: ProfilePage }, { path: '/:rest(.*)*', component: { render: () => null } }],
    })
    await router.push('/profile')
    const wrapper = mount(ProfilePage, { global: { plugins: [router] }, attachTo: document.body })
    unmount = () => wrapper.unmount()
    await flushPromises()
    return { wrapper, router }
  }

  beforeEach(() => {
    calls = stubApi(call => ({ body: call.path === '/api/auth/logout' ? { ok: true } : { appId: 'wx1', mode: 'mock', jsApiList: [], shopName: '微选好物' } }))
  })

  afterEach(() => {
    vi.unstubAllGlobals()
    unmount()
    // Vant keeps one dialog in <body> for the whole run
    closeDialog()
  })

  it('should show the WeChat avatar and nickname and the bound phone as the API masked it', async () => {
    const { wrapper } = await render()
    expect(wrapper.text()).toContain('小明')
    expect(wrapper.get('img').attributes('src')).toBe(profile.headimgurl)
    expect(wrapper.get('[data-testid=profile-phone]').text()).toBe('已绑定手机 138****8000')
    expect(wrapper.text()).toContain('我的购物车')
    expect(wrapper.text()).toContain('关于我们')
  })

  it('should log out after confirming, forget the user and go home', async () => {
    const { wrapper, router } = await render()
    await wrapper.findAll('button').find(button => button.text() === '退出登录')!.trigger('click')
    await flushPromises()
    const confirm = document.body.querySelector<HTMLButtonElement>('.van-dialog__confirm')
    expect(confirm?.textContent).toBe('确定')
    confirm!.click()
    await flushPromises()
    await vi.waitFor(() => expect(router.currentRoute.value.path).toBe('/'))
    expect(calls.filter(call => call.path === '/api/auth/logout')).toEqual([{ method: 'POST', path: '/api/auth/logout', body: {} }])
    expect(useSessionStore().me).toBeNull()
  })

  it('should stay when the dialog is cancelled', async () => {
    const { wrapper, router } = await render()
    await wrapper.findAll('button').find(button => button.text() === '退出登录')!.trigger('click')
    await flushPromises()
    document.body.querySelector<HTMLButtonElement>('.van-dialog__cancel')!.click()
    await flushPromises()
    expect(router.currentRoute.value.path).toBe('/profile')
    expect(calls.filter(call => call.path === '/api/auth/logout')).toEqual([])
  })
})
