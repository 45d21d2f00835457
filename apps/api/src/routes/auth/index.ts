import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import logoutRoute from './logout'
import wechatAuthorizeRoute from './wechat-authorize'
import wechatCodeRoute from './wechat-code'

/** /api/auth: WeChat web authorisation and logout. */
const authRoutes: FastifyPluginAsyncTypebox = async (fastify) => {
  await fastify.register(wechatAuthorizeRoute)
  await fastify.register(wechatCodeRoute)
  await fastify.register(logoutRoute)
}

export default authRoutes
