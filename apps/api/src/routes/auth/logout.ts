import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { OkSchema } from '@wxshop/shared'

/**
 * POST /api/auth/logout: unbinds the WeChat identity from the shop account and ends its sessions in
 * every browser (a session elsewhere would otherwise stay bound to an account the user left), so the
 * next silent WeChat login is an unbound user who must log in again. Answers ok without a session
 * too: logging out twice is not an error.
 */
const logoutRoute: FastifyPluginAsyncTypebox = async (fastify) => {
  const { sessions } = fastify

  fastify.post('/logout', {
    schema: { response: { 200: OkSchema } },
  }, async (request, reply) => {
    await sessions.logout(request, reply, await request.getSession())
    return { ok: true as const }
  })
}

export default logoutRoute
