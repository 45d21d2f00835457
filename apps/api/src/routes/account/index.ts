import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import loginRoute from './login'
import registerRoute from './register'

/** /api/account: the shop account a WeChat identity is bound to. */
const accountRoutes: FastifyPluginAsyncTypebox = async (fastify) => {
  await fastify.register(registerRoute)
  await fastify.register(loginRoute)
}

export default accountRoutes
