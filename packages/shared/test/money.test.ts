import { describe, expect, it } from 'vitest'
import { formatFen, splitFen, sumFen } from '../src/money'

describe('formatFen', () => {
  it('should show fen as yuan with two decimals and the yuan sign', () => {
    expect(formatFen(1250)).toBe('¥12.50')
    expect(formatFen(5)).toBe('¥0.05')
    expect(formatFen(0)).toBe('¥0.00')
    expect(formatFen(199900)).toBe('¥1999.00')
  })
  it('should leave out the sign when asked', () => {
    expect(formatFen(1250, { symbol: false })).toBe('12.50')
  })
  it('should keep the minus in front of the sign for refunds', () => {
    expect(formatFen(-1250)).toBe('-¥12.50')
  })
  it('should refuse fractional fen instead of rounding money silently', () => {
    expect(() => formatFen(12.5)).toThrow(RangeError)
    expect(() => formatFen(Number.NaN)).toThrow(RangeError)
  })
})

describe('splitFen', () => {
  it('should split into yuan and cents for two-size price text', () => {
    expect(splitFen(129900)).toEqual({ yuan: '1299', cents: '00' })
    expect(splitFen(1999)).toEqual({ yuan: '19', cents: '99' })
  })
})

describe('sumFen', () => {
  it('should total price times quantity without float drift', () => {
    // 0.1 + 0.2 style drift would show here if the sum were done in yuan
    expect(sumFen([{ priceFen: 10, quantity: 3 }, { priceFen: 20, quantity: 1 }])).toBe(50)
    expect(sumFen([{ priceFen: 1999, quantity: 3 }])).toBe(5997)
  })
  it('should refuse a negative or fractional quantity', () => {
    expect(() => sumFen([{ priceFen: 100, quantity: -1 }])).toThrow(RangeError)
    expect(() => sumFen([{ priceFen: 100, quantity: 1.5 }])).toThrow(RangeError)
  })
})
