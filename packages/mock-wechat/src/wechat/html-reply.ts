import type { FastifyReply } from 'fastify'

/** Pages are never cached: each authorize visit must reach the mock, as it reaches WeChat. */
export function sendPage(reply: FastifyReply, html: string): FastifyReply {
  return reply.code(200).type('text/html; charset=utf-8').header('cache-control', 'no-store').send(html)
}
