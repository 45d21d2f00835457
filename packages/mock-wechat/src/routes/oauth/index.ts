import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import accessToken from './access-token'
import authorize from './authorize'
import authorizeReply from './authorize-reply'
import refreshToken from './refresh-token'
import snsAuth from './sns-auth'
import userinfo from './userinfo'

/** Web authorisation (网页授权): the pages of open.weixin.qq.com and the sns/* APIs of api.weixin.qq.com. */
const oauthRoutes: FastifyPluginAsyncTypebox = async (fastify) => {
  await fastify.register(authorize)
  await fastify.register(authorizeReply)
  await fastify.register(accessToken)
  await fastify.register(refreshToken)
  await fastify.register(userinfo)
  await fastify.register(snsAuth)
}

export default oauthRoutes
