import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { ControlErrorSchema, ExpireBodySchema } from '../../schemas/control'

/**
 * POST /__control/expire: expire every live item of one kind now: `codes`, the users' OAuth tokens
 * (`oauth_access_token`, `oauth_refresh_token`), or the server credentials (`access_token`, `jsapi_ticket`).
 */
const expire: FastifyPluginAsyncTypebox = async (fastify) => {
  fastify.post('/expire', {
    schema: {
      body: ExpireBodySchema,
      response: { 200: Type.Object({ what: Type.String(), expired: Type.Integer() }), 400: ControlErrorSchema },
    },
  }, async (request) => {
    const { what } = request.body
    return { what, expired: fastify.store.expire(what) }
  })
}

export default expire
