import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { ApiErrorBodySchema, AuthorizeRequestSchema, AuthorizeResponseSchema } from '@wxshop/shared'

/**
 * POST /api/auth/wechat/authorize: the WeChat authorize URL for `scope`, with a fresh state bound
 * to this browser; WeChat sends the user back to `returnTo` on our origin.
 */
const wechatAuthorizeRoute: FastifyPluginAsyncTypebox = async (fastify) => {
  const { oauthStates, oauthStateLimit } = fastify

  fastify.post('/wechat/authorize', {
    schema: {
      body: AuthorizeRequestSchema,
      response: { 200: AuthorizeResponseSchema, 400: ApiErrorBodySchema, 429: ApiErrorBodySchema },
    },
    // each call writes a state row: a budget per address
    preHandler: oauthStateLimit.enforce,
  }, async (request, reply) => ({ url: await oauthStates.begin(request, reply, request.body) }))
}

export default wechatAuthorizeRoute
