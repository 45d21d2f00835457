import type { FastifyReply, FastifyRequest } from 'fastify'
import { mockOrigin } from '../wechat/origin'

/**
 * Whether an Origin header names one of the shop's pages: PUBLIC_URL's scheme and host name, on any
 * port (to WeChat a port is not part of a domain; the e2e run serves two shops on one host).
 */
export function isShopOrigin(origin: string, publicUrl: string): boolean {
  let url: URL
  try {
    url = new URL(origin)
  } catch {
    return false
  }
  const shop = new URL(publicUrl)
  return url.origin === origin && url.protocol === shop.protocol && url.hostname === shop.hostname
}

/**
 * CORS for what the shop's page fetches from the mock (the in-page client): the exact Origin of a
 * shop page is allowed, any other page gets 403. No credentials: the client names its device in the
 * body, because the mock's cookie is a third-party cookie there, which browsers no longer send.
 */
export async function shopCors(request: FastifyRequest, reply: FastifyReply) {
  const origin = request.headers.origin
  reply.header('vary', 'Origin')
  if (origin === undefined || origin === mockOrigin(request))
    return
  if (!isShopOrigin(origin, request.server.store.config.publicUrl))
    return reply.code(403).send({ error: { code: 'FORBIDDEN', message: `the in-page client answers the shop's pages only, not ${origin}` } })
  reply.header('access-control-allow-origin', origin)
}
