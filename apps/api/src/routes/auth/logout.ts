import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { OkSchema } from '@wxshop/shared'

/**
 * POST /api/auth/logout: unbinds the WeChat identity from the shop account and ends its sessions in
 * every browser (a session elsewhere would otherwise stay bound to an account the user left), so the
 * next silent WeChat login is an unbound user who must log in again. Answers ok without a session
 * too: logging out twice is not an error.
 */
const logoutRoute: FastifyPluginAsyncTypebox = async (fastify) => {
  const { sessions, sessionRepository, wechatIdentityRepository } = fastify

  fastify.post('/logout', {
    schema: { response: { 200: OkSchema } },
  }, async (request, reply) => {
    const session = await request.getSession()
    if (session) {
      await wechatIdentityRepository.setAccount(session.openid, null, new Date())
      await sessionRepository.deleteForOpenid(session.openid)
    }
    await sessions.end(request, reply)
    return { ok: true as const }
  })
}

export default logoutRoute
