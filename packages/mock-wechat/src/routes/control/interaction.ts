import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { ControlErrorSchema, InteractionBodySchema } from '../../schemas/control'
import { InteractionKind } from '../../state/interactions'

/**
 * POST /__control/interaction `{ openid, at?, kind? }`: the user interacted with the account at `at`
 * (or now): `message` (the default) lets the account send them 5 customer-service messages in 48
 * hours, `event` (a click menu, a follow, a scan) 3 in a minute. Pushes sent through the mock
 * (`POST /__control/push`) record this themselves.
 */
const interaction: FastifyPluginAsyncTypebox = async (fastify) => {
  const { store } = fastify
  fastify.post('/interaction', {
    schema: {
      body: InteractionBodySchema,
      response: { 200: Type.Object({ openid: Type.String(), kind: Type.String(), lastInteraction: Type.String() }), 404: ControlErrorSchema },
    },
  }, async (request, reply) => {
    const { openid, at, kind = InteractionKind.Message } = request.body
    if (!store.personas.get(openid))
      return reply.code(404).send({ error: { code: 'NOT_FOUND', message: `no user ${openid}: define it first with PUT /__control/users/${openid}` } })
    const time = at === undefined ? store.now() : Date.parse(at)
    store.interactions.record(openid, time, kind)
    return { openid, kind, lastInteraction: new Date(time).toISOString() }
  })
}

export default interaction
