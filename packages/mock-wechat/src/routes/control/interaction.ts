import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { ControlErrorSchema, InteractionBodySchema } from '../../schemas/control'

/**
 * POST /__control/interaction `{ openid, at? }`: the user interacted with the account (sent a
 * message, tapped a menu, followed) at `at`, or now: customer-service messages may reach them for
 * 48 hours. Pushes sent through the mock record this themselves.
 */
const interaction: FastifyPluginAsyncTypebox = async (fastify) => {
  const { store } = fastify
  fastify.post('/interaction', {
    schema: {
      body: InteractionBodySchema,
      response: { 200: Type.Object({ openid: Type.String(), lastInteraction: Type.String() }), 404: ControlErrorSchema },
    },
  }, async (request, reply) => {
    const { openid, at } = request.body
    if (!store.personas.get(openid))
      return reply.code(404).send({ error: { code: 'NOT_FOUND', message: `no user ${openid}: define it first with PUT /__control/users/${openid}` } })
    const time = at === undefined ? store.now() : Date.parse(at)
    store.interactions.record(openid, time)
    return { openid, lastInteraction: new Date(time).toISOString() }
  })
}

export default interaction
