// How a WeChat Pay call can fail, as types the order code branches on. Messages name the API path
// and WeChat Pay's code, never a body, a header or a key.

/**
 * WeChat Pay could not be used right now: unreachable, timed out, 5xx, SYSTEMERROR, an answer that
 * cannot be read, or a 2xx answer whose signature does not verify (a forged answer or a SIGNTEST
 * probe). The order stays as it was; trying again later is right.
 */
export class PayUnavailableError extends Error {
  readonly path: string
  constructor(path: string, reason: string) {
    super(`WeChat Pay ${path} unavailable: ${reason}`)
    this.name = 'PayUnavailableError'
    this.path = path
  }
}

/** WeChat Pay's business refusals that the order code acts on; any other code is `Other`. */
export const PayRefusal = {
  OrderPaid: 'ORDER_PAID',
  OrderClosed: 'ORDER_CLOSED',
  OrderNotExist: 'ORDER_NOT_EXIST',
  Other: 'OTHER',
} as const
export type PayRefusal = typeof PayRefusal[keyof typeof PayRefusal]

/** WeChat Pay answered, and said no (v2 result_code FAIL or return_code FAIL; v3 4xx `{ code }`). */
export class PayRefusedError extends Error {
  readonly path: string
  readonly refusal: PayRefusal
  /** WeChat Pay's own code (ORDERPAID, INVALID_REQUEST, PARAM_ERROR…), or RETURN_FAIL for v2's unsigned return_code FAIL */
  readonly code: string
  constructor(path: string, code: string, detail: string) {
    super(`WeChat Pay ${path} refused: ${code} ${detail}`)
    this.name = 'PayRefusedError'
    this.path = path
    this.code = code
    this.refusal = refusalOf(code)
  }
}

// v2 writes ORDERPAID / ORDERCLOSED / ORDERNOTEXIST, v3 ORDER_CLOSED / ORDER_NOT_EXIST (and ORDERPAID in the wild)
function refusalOf(code: string): PayRefusal {
  switch (code.replaceAll('_', '')) {
    case 'ORDERPAID': return PayRefusal.OrderPaid
    case 'ORDERCLOSED': return PayRefusal.OrderClosed
    case 'ORDERNOTEXIST': return PayRefusal.OrderNotExist
    default: return PayRefusal.Other
  }
}

/** A notify that must not be acted on: unsigned, forged, a probe, stale, undecryptable or malformed. */
export class NotifyRefusedError extends Error {
  readonly reason: string
  constructor(reason: string) {
    super(`pay notify refused: ${reason}`)
    this.name = 'NotifyRefusedError'
    this.reason = reason
  }
}
