import type { Address } from '@wxshop/shared'
import type { WxResult } from './sdk'

/** What wx.openAddress answers (WeChat's names; `countryName` is the district). */
export interface WxAddressResult extends WxResult {
  userName?: string
  telNumber?: string
  provinceName?: string
  cityName?: string
  countryName?: string
  detailInfo?: string
}

/** WeChat's address in the shop's shape; the checkout still validates it before sending. */
export function addressFromWx(res: WxAddressResult): Address {
  const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '')
  return {
    name: text(res.userName),
    phone: text(res.telNumber).replace(/[\s-]/g, ''),
    province: text(res.provinceName),
    city: text(res.cityName),
    district: text(res.countryName),
    detail: text(res.detailInfo),
  }
}
