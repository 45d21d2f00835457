// Free of TypeBox (the body schema is in error-body.ts): the SPA compares codes in its entry
// chunk, and a schema here would pull TypeBox into every page load.

/** Codes the API uses; the SPA branches on these, never on messages. */
export const ErrorCode = {
  Validation: 'VALIDATION',
  NotFound: 'NOT_FOUND',
  Unauthorized: 'UNAUTHORIZED',
  Forbidden: 'FORBIDDEN',
  Conflict: 'CONFLICT',
  RateLimited: 'RATE_LIMITED',
  WechatError: 'WECHAT_ERROR',
  /** WeChat did not answer in time or said it is busy (-1): try again later */
  WechatUnavailable: 'WECHAT_UNAVAILABLE',
  /** the `state` is missing, foreign to this browser, expired or already used */
  OAuthStateInvalid: 'OAUTH_STATE_INVALID',
  /** WeChat refused the code: used twice (40163) or expired (40029) */
  OAuthCodeInvalid: 'OAUTH_CODE_INVALID',
  /** the route needs a bound shop account (raised by the API's requireAccount hook) */
  AccountRequired: 'ACCOUNT_REQUIRED',
  /** a product in the order has less stock than asked (or none) */
  OutOfStock: 'OUT_OF_STOCK',
  /** the order cannot do that in its state: pay a paid or closed order, cancel a paid one */
  OrderState: 'ORDER_STATE',
  /** WeChat Pay refused or failed the unified order; the order stays payable */
  PayFailed: 'PAY_FAILED',
  Internal: 'INTERNAL',
} as const
export type ErrorCodeValue = typeof ErrorCode[keyof typeof ErrorCode]
