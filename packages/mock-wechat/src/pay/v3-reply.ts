import type { FastifyReply } from 'fastify'
import type { Store } from '../state/store'
import { newRequestId, platformHeaders } from './platform-sign'

/** A v3 error's body (WECHAT-PAY.md §B3): `detail` names the field a PARAM_ERROR is about. */
export interface V3Error {
  code: string
  message: string
  detail?: { field: string, value: unknown, issue: string, location: 'body' | 'query' | 'path' }
}

/**
 * Sends a v3 answer signed by the platform key, errors and 204s included, with the exact bytes
 * signed. Every answer carries a Request-ID.
 */
export function sendV3(reply: FastifyReply, store: Store, status: number, payload?: unknown) {
  const body = payload === undefined ? '' : JSON.stringify(payload)
  reply.code(status).headers({ ...platformHeaders(store.config, store.now(), body), 'request-id': newRequestId() })
  if (payload === undefined)
    return reply.send()
  return reply.type('application/json; charset=utf-8').send(body)
}

export function sendV3Error(reply: FastifyReply, store: Store, status: number, error: V3Error) {
  return sendV3(reply, store, status, error)
}
