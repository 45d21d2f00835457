import { createPinia, setActivePinia } from 'pinia'
import { afterEach, describe, expect, it } from 'vitest'
import { ADDRESS_STORAGE_KEY, useAddressStore } from '~/stores/address'
import { checkoutLocation, parseCheckoutQuery } from '~/stores/checkout'
import { addressFromWx } from '~/wechat/address'
import { ADDRESS } from './harness'

afterEach(() => localStorage.clear())

describe('checkout selection in the URL', () => {
  it('should read back what it wrote, for a reload or a full page load', () => {
    const location = checkoutLocation([{ productId: 3, quantity: 2 }, { productId: 7, quantity: 1 }], 'cart') as { query: Record<string, string> }
    expect(parseCheckoutQuery(location.query)).toEqual({ items: [{ productId: 3, quantity: 2 }, { productId: 7, quantity: 1 }], from: 'cart' })
  })

  it('should drop malformed, repeated and out-of-range lines when the URL was edited by hand', () => {
    expect(parseCheckoutQuery({ items: '3x2,3x5,0x1,8x0,9x100,abc,12x1', from: 'elsewhere' }))
      .toEqual({ items: [{ productId: 3, quantity: 2 }, { productId: 12, quantity: 1 }], from: 'buy' })
  })
})

describe('remembered address', () => {
  it('should offer the last order\'s address on the next visit, and forget a stored one that breaks the rules', () => {
    setActivePinia(createPinia())
    useAddressStore().remember(ADDRESS)
    setActivePinia(createPinia())
    expect(useAddressStore().last).toEqual(ADDRESS)
    localStorage.setItem(ADDRESS_STORAGE_KEY, JSON.stringify({ ...ADDRESS, phone: '010-12345678' }))
    setActivePinia(createPinia())
    expect(useAddressStore().last).toBeNull()
  })
})

describe('WeChat\'s address', () => {
  it('should map wx.openAddress\'s fields, countryName being the district', () => {
    expect(addressFromWx({
      errMsg: 'openAddress:ok',
      userName: ' 张三 ',
      telNumber: '138 0013 8000',
      provinceName: '广东省',
      cityName: '深圳市',
      countryName: '南山区',
      detailInfo: '科技园 1 号',
      postalCode: '518000',
    })).toEqual(ADDRESS)
  })
})
