import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { ApiErrorBodySchema, MeSchema } from '@wxshop/shared'
import { meOf } from '../auth/me'
import { NO_SESSION } from '../auth/messages'
import { unauthorized } from '../errors'

/** GET /api/me: the session's user (openid, profile if granted, bound account), or 401. */
const meRoutes: FastifyPluginAsyncTypebox = async (fastify) => {
  fastify.get('/', {
    schema: { response: { 200: MeSchema, 401: ApiErrorBodySchema } },
  }, async (request, reply) => {
    // one user's data: no shared cache may keep it
    reply.header('cache-control', 'no-store')
    const session = await request.getSession()
    if (!session)
      throw unauthorized(NO_SESSION)
    return meOf(session)
  })
}

export default meRoutes
