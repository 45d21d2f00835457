import { ErrorCode } from '@wxshop/shared'
import { errorMessage, isApiError } from '~/api/client'

/** Codes whose message the API writes for the shopper (OrderMessage texts), so it is shown as it comes. */
const SHOPPER_CODES: readonly string[] = [ErrorCode.OutOfStock, ErrorCode.OrderState, ErrorCode.PayFailed, ErrorCode.Validation]

/** The text to show for a failed order request. */
export function orderErrorText(error: unknown): string {
  if (isApiError(error) && SHOPPER_CODES.includes(error.code) && error.message)
    return error.message
  return errorMessage(error)
}
