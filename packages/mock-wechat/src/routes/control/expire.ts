import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { ControlErrorSchema, ExpireBodySchema } from '../../schemas/control'

/** POST /__control/expire: expire every live item of one kind now (codes, access_token, …). */
const expire: FastifyPluginAsyncTypebox = async (fastify) => {
  const { store } = fastify

  fastify.post('/expire', {
    schema: {
      body: ExpireBodySchema,
      response: { 200: Type.Object({ what: Type.String(), expired: Type.Integer() }), 400: ControlErrorSchema },
    },
  }, async (request, reply) => {
    const { what } = request.body
    const expired = store.expire(what)
    if (expired === undefined)
      return reply.code(400).send({ error: { code: 'VALIDATION', message: `body/what must be one of ${store.expirableKinds().join(', ')}; got ${JSON.stringify(what)}` } })
    return { what, expired }
  })
}

export default expire
