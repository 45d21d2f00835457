import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { OkSchema } from '@wxshop/shared'

/**
 * POST /api/auth/logout: ends this browser's session and unbinds its WeChat identity from the shop
 * account, so the next silent WeChat login is an unbound user who must log in again. Answers ok
 * without a session too: logging out twice is not an error.
 */
const logoutRoute: FastifyPluginAsyncTypebox = async (fastify) => {
  const { sessions, wechatIdentityRepository } = fastify

  fastify.post('/logout', {
    schema: { response: { 200: OkSchema } },
  }, async (request, reply) => {
    const session = await request.getSession()
    if (session)
      await wechatIdentityRepository.setAccount(session.openid, null, new Date())
    await sessions.end(request, reply)
    return { ok: true as const }
  })
}

export default logoutRoute
