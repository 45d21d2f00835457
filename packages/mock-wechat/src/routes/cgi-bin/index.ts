import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import getticket from './getticket'
import menu from './menu'
import messageCustomSend from './message-custom-send'
import stableToken from './stable-token'
import templateSend from './template-send'
import token from './token'
import userInfo from './user-info'

/** The Official Account's server APIs on api.weixin.qq.com: credentials, tickets, user info, the custom menu, customer-service and template messages. */
const cgiBinRoutes: FastifyPluginAsyncTypebox = async (fastify) => {
  await fastify.register(token)
  await fastify.register(stableToken)
  await fastify.register(getticket)
  await fastify.register(userInfo)
  await fastify.register(menu)
  await fastify.register(messageCustomSend)
  await fastify.register(templateSend)
}

export default cgiBinRoutes
