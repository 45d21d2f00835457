import { ADDRESS_LIMITS, type Address, OrderMessage, PHONE_PATTERN, textLength } from '@wxshop/shared'

export type AddressField = keyof Address

const phonePattern = new RegExp(PHONE_PATTERN)

/** Whether `value` passes AddressSchema's text rule: 1…max characters, not only spaces. */
function fits(value: string, max: number): boolean {
  return /\S/.test(value) && textLength(value) <= max
}

/**
 * The first problem per field, by AddressSchema's own limits (the API checks the same schema), so
 * the form shows it instead of the request coming back as 400. Empty when the address can be sent.
 */
export function addressProblems(address: Address): Partial<Record<AddressField, string>> {
  const problems: Partial<Record<AddressField, string>> = {}
  if (!fits(address.name, ADDRESS_LIMITS.name))
    problems.name = OrderMessage.AddressNameInvalid
  if (!phonePattern.test(address.phone))
    problems.phone = OrderMessage.AddressPhoneInvalid
  for (const field of ['province', 'city', 'district'] as const) {
    if (!fits(address[field], ADDRESS_LIMITS.region))
      problems[field] = OrderMessage.AddressRegionInvalid
  }
  if (!fits(address.detail, ADDRESS_LIMITS.detail))
    problems.detail = OrderMessage.AddressDetailInvalid
  return problems
}

export function isAddressValid(address: Address): boolean {
  return Object.keys(addressProblems(address)).length === 0
}

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
