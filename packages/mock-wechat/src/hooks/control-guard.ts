import type { FastifyReply, FastifyRequest } from 'fastify'
import { mockOrigin } from '../wechat/origin'

// A cross-site page can send a form (urlencoded, multipart) or text/plain without a preflight, never
// application/json: requiring it shuts out every cross-site POST a browser sends on its own.
const JSON_CONTENT_TYPE = /^application\/json\s*(?:;|$)/i
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])
// server.ts listens on 127.0.0.1 only; any other Host in a browser's request is DNS rebinding.
const LOOPBACK_HOST = /^(?:localhost|127(?:\.\d{1,3}){3}|\[::1\])$/i

export interface Refusal {
  status: 403 | 415
  code: 'FORBIDDEN' | 'UNSUPPORTED_MEDIA_TYPE'
  message: string
}

/**
 * Why a control request must be refused, if it must. Tools (curl, tests, the e2e helpers) send no
 * Origin and no Sec-Fetch-Site and pass; a browser passes only from a page on the mock's own origin,
 * so a page a developer happens to visit cannot reset the mock or read its secrets.
 */
export function controlRefusal(request: FastifyRequest): Refusal | undefined {
  const origin = request.headers.origin
  const site = request.headers['sec-fetch-site']
  const fromBrowser = origin !== undefined || site !== undefined
  if (fromBrowser) {
    const forbidden = (message: string): Refusal => ({ status: 403, code: 'FORBIDDEN', message })
    if (!LOOPBACK_HOST.test(request.hostname))
      return forbidden(`the control API answers browsers on the mock's loopback address only, not on ${request.host}`)
    if (origin !== undefined && origin !== mockOrigin(request))
      return forbidden(`the control API refuses pages from other origins (${origin})`)
    if (site === 'cross-site' || site === 'same-site')
      return forbidden(`the control API refuses requests a ${site} page started`)
  }
  if (!SAFE_METHODS.has(request.method) && !JSON_CONTENT_TYPE.test(request.headers['content-type'] ?? ''))
    return { status: 415, code: 'UNSUPPORTED_MEDIA_TYPE', message: `control ${request.method} bodies must be sent as content-type: application/json (send {} when there is nothing to say)` }
  return undefined
}

/** The onRequest hook of the control API: refuses before the body is read. */
export async function controlGuard(request: FastifyRequest, reply: FastifyReply) {
  const refusal = controlRefusal(request)
  if (refusal)
    return reply.code(refusal.status).send({ error: { code: refusal.code, message: refusal.message } })
}
