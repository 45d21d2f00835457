import { ErrorCode } from '@wxshop/shared'
import type { FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify'
import fp from 'fastify-plugin'
import { ApiError } from '../errors'

/**
 * The only state-changing /api routes another site may call: WeChat's servers post pay results and
 * pushed messages (XML, no browser, no Origin) and check their own signatures. Entries ending in `*`
 * match the path and everything under it (`/api/pay/notify`, `/api/pay/notify/v3`).
 */
export const CROSS_SITE_ALLOWED = ['/api/pay/notify*', '/api/wechat/message'] as const

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])
// Sec-Fetch-Site values a page of our own origin (or the user typing the URL) produces
const OWN_FETCH_SITES = new Set(['same-origin', 'none'])
const REFUSED = '请求被拒绝：只接受本站页面发出的 JSON 请求'

/**
 * Refuses, before the body is read, what a cross-site form or "simple" request can send to a
 * state-changing /api route: a body that is not `application/json` (an HTML form can only send
 * urlencoded, multipart or text/plain, and a cross-origin fetch cannot set JSON without a CORS
 * preflight we never grant), and an Origin or Sec-Fetch-Site that says another site sent it.
 * Requests without those headers (curl, tests, old browsers) are judged by the content type alone.
 * The SameSite=Lax session cookie is the first wall; this is the second.
 *
 * The check is attached, as the route's first onRequest hook, to every route registered after this
 * plugin that has a state-changing method under /api and is not on the allow-list: judged by the
 * route's own path, so no spelling of a URL slips past, and reads, pages and files (most requests)
 * pay nothing. An unmatched path changes nothing: the 404 handler answers it.
 */
export default fp(async function sameOrigin(fastify) {
  const ownOrigin = new URL(fastify.config.publicUrl).origin

  // a callback hook: it does no I/O (an async hook costs a promise per request)
  function refuseCrossSite(request: FastifyRequest, _reply: FastifyReply, done: HookHandlerDoneFunction): void {
    // a route may answer several methods, GET among them
    if (!STATE_CHANGING.has(request.method))
      return done()
    if (!isJson(request.headers['content-type']))
      return done(new ApiError(403, ErrorCode.Forbidden, REFUSED))
    const origin = request.headers.origin
    const fetchSite = request.headers['sec-fetch-site']
    if ((origin !== undefined && origin !== ownOrigin) || (typeof fetchSite === 'string' && !OWN_FETCH_SITES.has(fetchSite)))
      return done(new ApiError(403, ErrorCode.Forbidden, REFUSED))
    done()
  }

  fastify.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method]
    if (!methods.some(method => STATE_CHANGING.has(method)) || !isApiPath(route.url) || isAllowedCrossSite(route.url))
      return
    const own = route.onRequest === undefined ? [] : Array.isArray(route.onRequest) ? route.onRequest : [route.onRequest]
    route.onRequest = [refuseCrossSite, ...own]
  })
}, { name: 'same-origin', dependencies: ['error-handler'] })

function isApiPath(path: string): boolean {
  return path === '/api' || path.startsWith('/api/')
}

/** Whether a route's path is one WeChat's servers may post to (CROSS_SITE_ALLOWED). */
export function isAllowedCrossSite(path: string): boolean {
  return CROSS_SITE_ALLOWED.some(entry => entry.endsWith('*')
    ? path === entry.slice(0, -1) || path.startsWith(`${entry.slice(0, -1)}/`)
    : path === entry)
}

function isJson(contentType: string | undefined): boolean {
  return contentType?.split(';', 1)[0]?.trim().toLowerCase() === 'application/json'
}
