import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { SentMessageSchema } from '../../schemas/control'

/** GET /__control/messages: the customer-service and template messages the app sent, newest first. */
const messages: FastifyPluginAsyncTypebox = async (fastify) => {
  fastify.get('/messages', {
    schema: { response: { 200: Type.Object({ messages: Type.Array(SentMessageSchema) }) } },
  }, async () => ({ messages: fastify.store.sentMessages.list() }))
}

export default messages
