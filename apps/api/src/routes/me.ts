import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { ApiErrorBodySchema, MeSchema } from '@wxshop/shared'
import { meOf } from '../auth/me'

/** GET /api/me: the session's user (openid, profile if granted, bound account, follows the OA?), or 401. */
const meRoutes: FastifyPluginAsyncTypebox = async (fastify) => {
  fastify.get('/', {
    schema: { response: { 200: MeSchema, 401: ApiErrorBodySchema } },
    preHandler: fastify.requireSession,
  }, async (request, reply) => {
    // one user's data: no shared cache may keep it
    reply.header('cache-control', 'no-store')
    // null when WeChat fails or is slow: it never fails or holds up /api/me (wechat/follow-status.ts)
    const subscribed = await fastify.wechatFollowStatus.subscribed(request.session.openid, { log: request.log, caller: 'GET /api/me' })
    return { ...meOf(request.session), subscribed }
  })
}

export default meRoutes
