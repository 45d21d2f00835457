import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'

/** Answers the browser's preflight for the in-page client's JSON POSTs under `path`. */
export function preflight(path: string): FastifyPluginAsyncTypebox {
  return async (fastify) => {
    fastify.options(path, async (_request, reply) => reply
      .code(204)
      .header('access-control-allow-methods', 'GET, POST')
      .header('access-control-allow-headers', 'content-type')
      .header('access-control-max-age', '600')
      .send())
  }
}
