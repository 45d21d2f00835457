import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createMemoryHistory, createRouter } from 'vue-router'
import LoginPage from '~/pages/login/LoginPage.vue'
import { useAccountForm } from '~/composables/use-account-form'
import { useSessionStore } from '~/stores/session'
import { account, type ApiAnswer, apiError, me, profile, stubApi, stubHeldFetch } from './helpers'

describe('LoginPage', () => {
  let answer: () => ApiAnswer

  async function render(url = '/login?redirect=%2Fproduct%2F3') {
    setActivePinia(createPinia())
    const router = createRouter({
      history: createMemoryHistory(),
      routes: [
        { path: '/login', component: LoginPage },
        { path: '/:rest(.*)*', component: { render: () => null } },
      ],
    })
    await router.push(url)
    const wrapper = mount(LoginPage, { global: { plugins: [router] }, attachTo: document.body })
    await flushPromises()
    return { wrapper, router }
  }

  const input = (wrapper: Awaited<ReturnType<typeof render>>['wrapper'], label: string) => {
    const id = wrapper.findAll('label').find(l => l.text() === label)?.attributes('for')
    expect(id).toMatch(/^login-/)
    return wrapper.get(`input#${id}`)
  }

  async function submit(wrapper: Awaited<ReturnType<typeof render>>['wrapper']) {
    await wrapper.get('form').trigger('submit')
    await flushPromises()
  }

  beforeEach(() => {
    answer = () => ({ body: me({ account }) })
    stubApi(() => answer())
  })

  afterEach(() => {
    vi.unstubAllGlobals()
    document.body.innerHTML = ''
  })

  it('should label the inputs 手机号 and 密码, with a tel keyboard for the phone', async () => {
    const { wrapper } = await render()
    expect(input(wrapper, '手机号').attributes('type')).toBe('tel')
    expect(input(wrapper, '密码').attributes('type')).toBe('password')
    expect(wrapper.text()).toContain('为了同步订单与收货地址，请绑定商城账号')
    expect(wrapper.get('button[type=submit]').text()).toBe('登录')
  })

  it('should show Chinese validation messages and send nothing when the form is empty', async () => {
    const { wrapper } = await render()
    await submit(wrapper)
    expect(wrapper.text()).toContain('请输入手机号')
    expect(wrapper.text()).toContain('请输入密码')
    expect(fetch).not.toHaveBeenCalled()
  })

  it('should ask for letters and digits when registering', async () => {
    const { wrapper } = await render()
    await wrapper.findAll('[role=tab]').find(tab => tab.text() === '注册')!.trigger('click')
    expect(wrapper.get('button[type=submit]').text()).toBe('注册')
    await input(wrapper, '手机号').setValue('13800138000')
    await input(wrapper, '密码').setValue('abcdefgh')
    await submit(wrapper)
    expect(wrapper.text()).toContain('密码需同时包含字母和数字')
    expect(fetch).not.toHaveBeenCalled()
  })

  it('should show and hide the password with the eye button', async () => {
    const { wrapper } = await render()
    const toggle = wrapper.get('button[aria-label=显示明文]')
    await toggle.trigger('click')
    expect(input(wrapper, '密码').attributes('type')).toBe('text')
    expect(toggle.attributes('aria-pressed')).toBe('true')
  })

  it('should log in, remember the user and go to the redirect', async () => {
    const { wrapper, router } = await render()
    await input(wrapper, '手机号').setValue('13800138000')
    await input(wrapper, '密码').setValue('secret')
    await submit(wrapper)
    expect(fetch).toHaveBeenCalledWith('/api/account/login', expect.objectContaining({ method: 'POST', body: JSON.stringify({ phone: '13800138000', password: 'secret' }) }))
    expect(useSessionStore().me?.account).toEqual(account)
    expect(router.currentRoute.value.fullPath).toBe('/product/3')
  })

  it('should put a taken phone under the phone field', async () => {
    answer = () => apiError(409, 'CONFLICT', '该手机号已注册，请直接登录')
    const { wrapper, router } = await render()
    await wrapper.findAll('[role=tab]').find(tab => tab.text() === '注册')!.trigger('click')
    await input(wrapper, '手机号').setValue('13800138000')
    await input(wrapper, '密码').setValue('abcd1234')
    await submit(wrapper)
    expect(wrapper.get('.van-field__error-message').text()).toBe('该手机号已注册，请直接登录')
    expect(router.currentRoute.value.path).toBe('/login')
  })

  it('should show the rate limit message as the API wrote it', async () => {
    answer = () => apiError(429, 'RATE_LIMITED', '登录尝试过于频繁，请 15 分钟后再试')
    const { wrapper } = await render()
    await input(wrapper, '手机号').setValue('13800138000')
    await input(wrapper, '密码').setValue('wrong')
    await submit(wrapper)
    expect(wrapper.get('[role=alert]').text()).toBe('登录尝试过于频繁，请 15 分钟后再试')
  })

  it('should show the WeChat nickname when the profile is known', async () => {
    const { wrapper } = await render()
    useSessionStore().setMe(me({ scope: 'snsapi_userinfo', profile }))
    await flushPromises()
    expect(wrapper.text()).toContain('小明')
    expect(wrapper.get('img').attributes('src')).toBe(profile.headimgurl)
  })
})

describe('useAccountForm', () => {
  afterEach(() => {
    vi.unstubAllGlobals()
  })

  it('should send the form once while an answer is awaited, however often it is submitted', async () => {
    setActivePinia(createPinia())
    const held = stubHeldFetch()
    const form = useAccountForm()
    form.phone.value = '13800138000'
    form.password.value = 'secret'
    const first = form.submit()
    expect(await form.submit()).toBeNull()
    expect(held).toHaveLength(1)
    held[0]!.answer({ body: me({ account }) })
    expect(await first).toEqual(me({ account }))
    expect(form.submitting.value).toBe(false)
  })
})
