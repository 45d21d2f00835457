import { mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createMemoryHistory, createRouter } from 'vue-router'
import HomeCategoryTabs from '~/pages/home/HomeCategoryTabs.vue'
import HomeHeader from '~/pages/home/HomeHeader.vue'
import { stubApi } from './helpers'

const categories = [
  { id: 1, slug: 'fresh-fruit', name: '生鲜水果', sortOrder: 1 },
  { id: 2, slug: 'digital-accessories', name: '数码配件', sortOrder: 2 },
]

afterEach(() => {
  vi.unstubAllGlobals()
})

describe('HomeCategoryTabs', () => {
  it('should show 全部 and every category as tabs and select the one tapped', async () => {
    const wrapper = mount(HomeCategoryTabs, { props: { 'categories': categories, 'modelValue': 0, 'onUpdate:modelValue': (id: number) => wrapper.setProps({ modelValue: id }) } })
    const tabs = () => wrapper.findAll('[role=tab]')
    expect(tabs().map(tab => tab.text())).toEqual(['全部', '生鲜水果', '数码配件'])
    expect(tabs().map(tab => tab.attributes('aria-selected'))).toEqual(['true', 'false', 'false'])
    await tabs()[2]!.trigger('click')
    expect(wrapper.emitted('update:modelValue')).toEqual([[2]])
    expect(tabs().map(tab => tab.attributes('aria-selected'))).toEqual(['false', 'false', 'true'])
  })
})

describe('HomeHeader search', () => {
  function render(keyword: string) {
    stubApi(() => ({ body: { appId: 'wx1', mode: 'live', jsApiList: [], shopName: '微选好物', publicUrl: 'http://localhost:3000', followQrUrl: null } }))
    setActivePinia(createPinia())
    const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/', component: { render: () => null } }] })
    const wrapper = mount(HomeHeader, {
      props: { 'shopName': '微选好物', 'modelValue': keyword, 'onUpdate:modelValue': (value: string) => wrapper.setProps({ modelValue: value }) },
      global: { plugins: [router] },
    })
    return wrapper
  }

  it('should search for what was typed when the form is submitted', async () => {
    const wrapper = render('')
    await wrapper.get('input[type=search]').setValue('苹果')
    await wrapper.get('form[role=search]').trigger('submit')
    expect(wrapper.emitted('update:modelValue')?.at(-1)).toEqual(['苹果'])
    expect(wrapper.emitted('search')).toHaveLength(1)
  })

  it('should clear the keyword with the clear button, shown only when there is one', async () => {
    const wrapper = render('苹果')
    await wrapper.get('button[aria-label=清除搜索词]').trigger('click')
    expect(wrapper.emitted('update:modelValue')?.at(-1)).toEqual([''])
    expect(wrapper.emitted('clear')).toHaveLength(1)
    expect(wrapper.find('button[aria-label=清除搜索词]').exists()).toBe(false)
  })
})
