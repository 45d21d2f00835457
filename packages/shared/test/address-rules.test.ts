import { Value } from 'typebox/value'
import { describe, expect, it } from 'vitest'
import { ADDRESS_FIELDS, ADDRESS_RULES, addressProblems, isAddressValid } from '../src/address-rules'
import { OrderMessage } from '../src/order-rules'
import { AddressSchema } from '../src/schemas/orders'

const ADDRESS = { name: '张三', phone: '13800138000', province: '广东省', city: '深圳市', district: '南山区', detail: '科技园 1 号' }
const EMOJI = '😀'

describe('address rules', () => {
  it('should say per field, in Chinese, what a shopper must fix', () => {
    expect(addressProblems(ADDRESS)).toEqual({})
    expect(addressProblems({ ...ADDRESS, name: '   ', phone: '010-12345678', city: '', detail: 'x'.repeat(121) })).toEqual({
      name: OrderMessage.AddressNameInvalid,
      phone: OrderMessage.AddressPhoneInvalid,
      city: OrderMessage.AddressRegionInvalid,
      detail: OrderMessage.AddressDetailInvalid,
    })
    expect(isAddressValid(ADDRESS)).toBe(true)
    expect(isAddressValid({ ...ADDRESS, district: ' ' })).toBe(false)
  })

  // the form checks with addressProblems, the API with AddressSchema: one answer for every input
  it('should agree with AddressSchema, the API\'s check, on every field\'s edges', () => {
    const values = (max: number | undefined) => ['', ' ', '\t\n', 'a', ` a `, EMOJI.repeat(max ?? 1), EMOJI.repeat((max ?? 1) + 1), 'x'.repeat(max ?? 1), 'x'.repeat((max ?? 1) + 1), '13800138000', '12800138000', '1380013800', '138001380001', '1380013800a']
    let checked = 0
    for (const field of ADDRESS_FIELDS) {
      const rule = ADDRESS_RULES[field] as { maxLength?: number }
      for (const value of values(rule.maxLength)) {
        const address = { ...ADDRESS, [field]: value }
        expect(isAddressValid(address), `${field} = ${JSON.stringify(value)}`).toBe(Value.Check(AddressSchema, address))
        checked++
      }
    }
    expect(checked).toBe(ADDRESS_FIELDS.length * 14)
  })

  it('should count an emoji as one character, as a shopper does', () => {
    expect(addressProblems({ ...ADDRESS, name: EMOJI.repeat(ADDRESS_RULES.name.maxLength) })).toEqual({})
    expect(addressProblems({ ...ADDRESS, name: EMOJI.repeat(ADDRESS_RULES.name.maxLength + 1) })).toEqual({ name: OrderMessage.AddressNameInvalid })
  })
})
