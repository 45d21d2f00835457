import { mount, RouterLinkStub } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import ProductCard from '~/components/ProductCard.vue'
import { product } from './helpers'

function render(overrides: Parameters<typeof product>[0]) {
  return mount(ProductCard, {
    props: { product: product(overrides) },
    global: { stubs: { RouterLink: RouterLinkStub } },
  })
}

describe('ProductCard', () => {
  it('should render the price from fen as big yuan and small cents', () => {
    const card = render({ id: 3, name: '赣南脐橙 5斤装', priceFen: 3990, originalPriceFen: 5900, sales: 12_345 })
    expect(card.find('.price').text()).toBe('¥39.90')
    expect(card.find('.price__yuan').text()).toBe('39')
    expect(card.find('.price__cents').text()).toBe('.90')
    expect(card.find('s').text()).toBe('¥59.00')
    expect(card.text()).toContain('已售 1.2万')
  })

  it('should link to the product and be named after it', () => {
    const card = render({ id: 3, name: '赣南脐橙 5斤装' })
    const link = card.getComponent(RouterLinkStub)
    expect(link.props('to')).toBe('/product/3')
    expect(link.attributes('aria-label')).toBe('赣南脐橙 5斤装')
    expect(card.find('img').attributes('loading')).toBe('lazy')
  })

  it('should show 售罄 and no struck price when sold out without a discount', () => {
    const card = render({ id: 5, stock: 0, priceFen: 100, originalPriceFen: 100 })
    expect(card.text()).toContain('售罄')
    expect(card.find('s').exists()).toBe(false)
  })
})
