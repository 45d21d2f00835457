import { OUT_TRADE_NO_PATTERN } from '@wxshop/shared/wechat-pay'
import { describe, expect, it } from 'vitest'
import { newOrderNo } from '../../src/orders/order-number'

describe('newOrderNo', () => {
  it('should be an out_trade_no of the Beijing date and 12 digits when drawn', () => {
    const orderNo = newOrderNo(new Date('2026-11-30T07:30:00Z'))
    expect(orderNo).toMatch(/^20261130\d{12}$/)
    expect(orderNo).toMatch(OUT_TRADE_NO_PATTERN)
  })

  it('should carry the next day\'s date when it is already past midnight in Beijing', () => {
    // 16:30 UTC is 00:30 the next morning in Beijing, the date WeChat Pay and the shopper see
    expect(newOrderNo(new Date('2026-11-30T16:30:00Z'))).toMatch(/^20261201\d{12}$/)
  })

  it('should differ from one draw to the next when drawn at the same moment', () => {
    const now = new Date('2026-11-30T07:30:00Z')
    const drawn = new Set(Array.from({ length: 200 }, () => newOrderNo(now)))
    expect(drawn.size).toBe(200)
  })
})
