import type { Address } from '@wxshop/shared'

// The address form's helpers. The rules themselves (limits, phone pattern, messages) and the
// check by them, `addressProblems`, are @wxshop/shared's address-rules.ts: the API validates with
// the same rules.

export function emptyAddress(): Address {
  return { name: '', phone: '', province: '', city: '', district: '', detail: '' }
}

/** Trimmed copy, as it is sent and remembered. */
export function trimAddress(address: Address): Address {
  return {
    name: address.name.trim(),
    phone: address.phone.trim(),
    province: address.province.trim(),
    city: address.city.trim(),
    district: address.district.trim(),
    detail: address.detail.trim(),
  }
}
