import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { ApiErrorBodySchema, MeSchema } from '@wxshop/shared'
import { meOf } from '../auth/me'

/** GET /api/me: the session's user (openid, profile if granted, bound account), or 401. */
const meRoutes: FastifyPluginAsyncTypebox = async (fastify) => {
  fastify.get('/', {
    schema: { response: { 200: MeSchema, 401: ApiErrorBodySchema } },
    preHandler: fastify.requireSession,
  }, async (request, reply) => {
    // one user's data: no shared cache may keep it
    reply.header('cache-control', 'no-store')
    return meOf(request.session)
  })
}

export default meRoutes
