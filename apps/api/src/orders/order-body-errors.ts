import { ADDRESS_RULES, type AddressField, OrderMessage } from '@wxshop/shared'
import type { FastifySchemaValidationError } from 'fastify'
import { formatValidationErrors } from '../lib/validation-message'

type SchemaErrorDataVar = Parameters<typeof formatValidationErrors>[1]

/** The message of an address field's rule (address-rules.ts), or undefined for a name that is no field. */
function addressMessage(field: string | undefined): string | undefined {
  return field !== undefined && Object.hasOwn(ADDRESS_RULES, field) ? ADDRESS_RULES[field as AddressField].message : undefined
}

/**
 * `POST /api/orders`'s schemaErrorFormatter: what the shopper chose or typed (lines, quantities,
 * address, remark) is answered with OrderMessage's Chinese, which the SPA shows as it is. A
 * quantity of 0, -1, 1.5, 100 or "2" is one message: 1–99 whole pieces. Anything else (a body that
 * is not an object, a bad product id) keeps the developer-facing English.
 */
export function orderBodyErrors(errors: FastifySchemaValidationError[], dataVar: SchemaErrorDataVar): Error {
  const first = errors[0]
  const message = dataVar === 'body' && first ? messageFor(first) : undefined
  return message ? new Error(message) : formatValidationErrors(errors, dataVar)
}

function messageFor(error: FastifySchemaValidationError): string | undefined {
  const path = error.instancePath.split('/').filter(Boolean)
  const missing = error.keyword === 'required' ? String(error.params.missingProperty) : undefined
  const [field, , lineField] = path
  if (field === undefined) {
    if (missing === 'items')
      return OrderMessage.EmptyOrder
    return missing === 'address' ? OrderMessage.AddressRequired : undefined
  }
  switch (field) {
    case 'items':
      if (path.length === 1)
        return error.keyword === 'maxItems' ? OrderMessage.TooManyLines : OrderMessage.EmptyOrder
      return lineField === 'quantity' || missing === 'quantity' ? OrderMessage.QuantityInvalid : undefined
    case 'address':
      if (path.length === 1)
        return addressMessage(missing) ?? OrderMessage.AddressRequired
      return addressMessage(path[1])
    case 'remark':
      return OrderMessage.RemarkTooLong
    default:
      return undefined
  }
}
