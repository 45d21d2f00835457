import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { closeDialog } from 'vant'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createMemoryHistory, createRouter } from 'vue-router'
import ProfilePage from '~/pages/profile/ProfilePage.vue'
import { useSessionStore } from '~/stores/session'
import { type ApiAnswer, type ApiCall, me, profile, stubApi } from './helpers'

describe('ProfilePage', () => {
  let calls: ApiCall[]
  let unmount = () => {}
  let followQrUrl: string | null = 'http://127.0.0.1:3100/account-qrcode.svg'
  /** What GET /api/me answers (the page asks when the follow status is unknown). */
  let meAnswer: ApiAnswer = { status: 500, body: { error: { code: 'INTERNAL', message: 'down' } } }

  async function render(subscribed: boolean | null = null) {
    setActivePinia(createPinia())
    useSessionStore().setMe(me({ scope: 'snsapi_userinfo', profile, account: { id: 7, phone: '138****8000' }, subscribed }))
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
    calls = stubApi((call) => {
      if (call.path === '/api/auth/logout')
        return { body: { ok: true } }
      if (call.path === '/api/me')
        return meAnswer
      return { body: { appId: 'wx1', mode: 'mock', jsApiList: [], shopName: '微选好物', publicUrl: 'http://localhost:3000', followQrUrl } }
    })
  })

  afterEach(() => {
    followQrUrl = 'http://127.0.0.1:3100/account-qrcode.svg'
    meAnswer = { status: 500, body: { error: { code: 'INTERNAL', message: 'down' } } }
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

  it('should ask a user who does not follow the Official Account to follow it, with its QR code to long-press', async () => {
    const { wrapper } = await render(false)
    const card = wrapper.get('section[aria-labelledby="profile-follow-title"]')
    expect(card.get('h2').text()).toBe('关注「微选好物」公众号')
    expect(card.text()).toContain('及时接收订单和发货通知')
    expect(card.get('img').attributes('src')).toBe('http://127.0.0.1:3100/account-qrcode.svg')
    expect(card.get('img').attributes('alt')).toBe('「微选好物」公众号二维码')
    expect(card.text()).toContain('长按识别二维码关注')
  })

  it('should ask without a QR code when the shop configured none', async () => {
    followQrUrl = null
    const { wrapper } = await render(false)
    expect(wrapper.text()).toContain('关注「微选好物」公众号')
    expect(wrapper.text()).not.toContain('长按识别二维码关注')
    expect(wrapper.findAll('img').map(img => img.attributes('src'))).toEqual([profile.headimgurl])
  })

  it.each([
    ['a follower', true],
    ['a user whose follow status WeChat did not tell', null],
  ] as const)('should show no follow prompt to %s', async (_name, subscribed) => {
    const { wrapper } = await render(subscribed)
    expect(wrapper.text()).not.toContain('公众号')
    expect(wrapper.text()).not.toContain('长按识别二维码关注')
  })

  it('should ask /api/me once when the follow status is unknown (after a login) and then ask a non-follower to follow', async () => {
    meAnswer = { body: me({ scope: 'snsapi_userinfo', profile, account: { id: 7, phone: '138****8000' }, subscribed: false }) }
    const { wrapper } = await render(null)
    expect(wrapper.text()).toContain('关注「微选好物」公众号')
    expect(calls.filter(call => call.path === '/api/me')).toHaveLength(1)
  })
})
