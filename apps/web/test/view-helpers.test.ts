import { describe, expect, it } from 'vitest'
import { describeRefresh } from '~/composables/use-cart-refresh'
import { pageTitle } from '~/router/guards'
import { formatSales } from '~/utils/format'

describe('view helpers', () => {
  it('should title pages as `${title} - ${shopName}` once the shop name is known', () => {
    expect(pageTitle('购物车', '鲜果小铺')).toBe('购物车 - 鲜果小铺')
    expect(pageTitle('购物车', '')).toBe('购物车')
  })

  it('should print sales the way Chinese shops do', () => {
    expect(formatSales(986)).toBe('986')
    expect(formatSales(12_345)).toBe('1.2万')
    expect(formatSales(100_000)).toBe('10万+')
  })

  it('should describe a price refresh in one sentence, or not at all', () => {
    const none = { priceChanged: [], quantityReduced: [], soldOut: [], removed: [] }
    expect(describeRefresh(none)).toBeNull()
    expect(describeRefresh({ ...none, priceChanged: ['苹果'] })).toBe('部分商品价格已更新')
    expect(describeRefresh({ ...none, soldOut: ['橙子'], removed: ['梨'], priceChanged: ['苹果'] }))
      .toBe('2 件商品已失效，部分商品价格已更新')
  })
})
