import { PHONE_PATTERN, textLength } from './account-rules'
import { ADDRESS_LIMITS, OrderMessage } from './order-rules'

/**
 * The delivery address's rules, one per field, and the words a shopper reads when one is broken:
 * the one home for AddressSchema (schemas/orders.ts, which the API validates every order with),
 * the API's Chinese answer for a broken field, and the SPA's address form, which checks the same
 * rules before sending so the shopper sees the problem beside the field.
 * A text field holds 1…max characters (code points: an emoji is one) and not only spaces.
 */
export const ADDRESS_RULES = {
  name: { maxLength: ADDRESS_LIMITS.name, message: OrderMessage.AddressNameInvalid },
  phone: { pattern: PHONE_PATTERN, message: OrderMessage.AddressPhoneInvalid },
  province: { maxLength: ADDRESS_LIMITS.region, message: OrderMessage.AddressRegionInvalid },
  city: { maxLength: ADDRESS_LIMITS.region, message: OrderMessage.AddressRegionInvalid },
  district: { maxLength: ADDRESS_LIMITS.region, message: OrderMessage.AddressRegionInvalid },
  detail: { maxLength: ADDRESS_LIMITS.detail, message: OrderMessage.AddressDetailInvalid },
} as const

export type AddressField = keyof typeof ADDRESS_RULES

export const ADDRESS_FIELDS = Object.keys(ADDRESS_RULES) as AddressField[]

/** Somewhere in the text, a character that is not a space (the schemas' `pattern` too). */
export const NOT_ONLY_SPACES_PATTERN = '\\S'
const notOnlySpaces = new RegExp(NOT_ONLY_SPACES_PATTERN)
const phonePattern = new RegExp(PHONE_PATTERN)

/** The message for `value` in `field`, or null when it follows the field's rule. */
export function addressFieldProblem(field: AddressField, value: string): string | null {
  const rule: { maxLength?: number, pattern?: string, message: string } = ADDRESS_RULES[field]
  const ok = rule.pattern !== undefined
    ? phonePattern.test(value)
    : value.length > 0 && notOnlySpaces.test(value) && textLength(value) <= rule.maxLength!
  return ok ? null : rule.message
}

/** The first problem per field; empty when the address can be sent. */
export function addressProblems(address: Record<AddressField, string>): Partial<Record<AddressField, string>> {
  const problems: Partial<Record<AddressField, string>> = {}
  for (const field of ADDRESS_FIELDS) {
    const problem = addressFieldProblem(field, address[field])
    if (problem)
      problems[field] = problem
  }
  return problems
}

export function isAddressValid(address: Record<AddressField, string>): boolean {
  return Object.keys(addressProblems(address)).length === 0
}
