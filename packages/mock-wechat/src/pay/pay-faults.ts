import type { FastifyRequest } from 'fastify'
import type { Fault } from '../state/faults'

/** WeChat Pay's paths: their injected faults are answered by the pay routes, in WeChat Pay's shape. */
export function isPayPath(path: string): boolean {
  return path.startsWith('/v3/') || path.startsWith('/pay/')
}

// The fault-injection hook runs before the body is read; a v2 failure is signed with the request's
// sign_type, so the route itself answers it once the body is parsed.
const pending = new WeakMap<FastifyRequest, Fault>()

export function deferPayFault(request: FastifyRequest, fault: Fault): void {
  pending.set(request, fault)
}

/** The `POST /__control/fail` queued for this pay request, if any. */
export function payFaultOf(request: FastifyRequest): Fault | undefined {
  return pending.get(request)
}

const V3_CODES: Record<number, string> = { 400: 'INVALID_REQUEST', 403: 'TRADE_ERROR', 404: 'ORDERNOTEXIST', 429: 'FREQUENCY_LIMITED', 500: 'SYSTEM_ERROR' }
const CODE = /^[A-Z_]+$/

/**
 * A v3 fault: `errcode` is the HTTP status (500 unless 400–599), `errmsg` the code when it is one
 * (`FREQUENCY_LIMITED`), else the message.
 */
export function v3FaultAnswer(fault: Fault): { status: number, code: string, message: string } {
  const status = typeof fault.errcode === 'number' && fault.errcode >= 400 && fault.errcode <= 599 ? fault.errcode : 500
  const code = fault.errmsg && CODE.test(fault.errmsg) ? fault.errmsg : V3_CODES[status] ?? 'SYSTEM_ERROR'
  const message = fault.errmsg && !CODE.test(fault.errmsg) ? fault.errmsg : code === 'SYSTEM_ERROR' ? '系统错误' : '由 POST /__control/fail 注入的错误'
  return { status, code, message }
}

/** A v2 fault: a signed result_code=FAIL with err_code `errmsg` when it is a code, else SYSTEMERROR. */
export function v2FaultAnswer(fault: Fault): { err_code: string, err_code_des: string } {
  const code = fault.errmsg && CODE.test(fault.errmsg) ? fault.errmsg : 'SYSTEMERROR'
  return { err_code: code, err_code_des: code === 'SYSTEMERROR' ? '系统错误' : '由 POST /__control/fail 注入的错误' }
}
