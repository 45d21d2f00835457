import type { FastifyReply, FastifyRequest } from 'fastify'
import { mockOrigin } from '../wechat/origin'

/**
 * CORS for what the WeChat client does on ANY page, not only the shop's: wx.config is checked on
 * every page WeChat opens, and a page on another domain must hear `config:invalid url domain`, not
 * a network error. Any real origin is allowed, without credentials; an opaque one ('null') is not.
 */
export async function pageCors(request: FastifyRequest, reply: FastifyReply) {
  const origin = request.headers.origin
  reply.header('vary', 'Origin')
  if (origin === undefined || origin === mockOrigin(request))
    return
  if (origin === 'null')
    return reply.code(403).send({ error: { code: 'FORBIDDEN', message: 'the in-page client does not answer opaque (sandboxed) pages' } })
  reply.header('access-control-allow-origin', origin)
}
