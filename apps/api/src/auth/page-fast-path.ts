import { hasOAuthParams, isSafeReturnPath, isWechat, routeAuthFor, type OAuthScope, type WechatMode } from '@wxshop/shared'
import type { FastifyRequest } from 'fastify'
import { AUTH_TRY_COOKIE } from './cookies'

/**
 * The scope to send a page request straight to WeChat with, or null to serve index.html. This is
 * the part of the page fast path decided by the request alone; the caller still checks that there
 * is no valid session. Redirect only:
 * - a GET (not HEAD, not a form) for a page that needs a WeChat identity (routeAuthFor);
 * - whose URL is a path we may return to (`isSafeReturnPath`, the `returnTo` schema's rule: not too
 *   long, no dot segments or encoded slashes); any other URL goes the slow way, through the SPA;
 * - without `code`/`state` in the query: that is WeChat's callback, which the SPA completes;
 * - from WeChat's browser (`isWechat`, the SPA's and the mock's rule too), or any browser in mock
 *   mode (the mock plays WeChat for every browser); elsewhere the authorize page would only say
 *   请在微信客户端打开链接;
 * - without the `wxshop_auth_try` cookie: one server redirect per two minutes at most, so a user
 *   whom WeChat sends back without a usable code (refusal, snapshot page) can never loop here.
 */
export function fastPathScope(request: FastifyRequest, mode: WechatMode): OAuthScope | null {
  if (request.method !== 'GET' || !isSafeReturnPath(request.url))
    return null
  if (request.cookies[AUTH_TRY_COOKIE] !== undefined)
    return null
  if (mode !== 'mock' && !isWechat(request.headers['user-agent']))
    return null
  const queryAt = request.url.indexOf('?')
  const path = queryAt === -1 ? request.url : request.url.slice(0, queryAt)
  if (queryAt !== -1 && hasOAuthParams(request.url.slice(queryAt + 1)))
    return null
  return routeAuthFor(path).scope
}
