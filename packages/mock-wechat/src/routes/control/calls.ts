import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { CallSchema, CallsQuerySchema } from '../../schemas/control'

/** GET /__control/calls?path=: the WeChat calls received, oldest first, for counting in tests. */
const calls: FastifyPluginAsyncTypebox = async (fastify) => {
  fastify.get('/calls', {
    schema: {
      querystring: CallsQuerySchema,
      response: { 200: Type.Object({ count: Type.Integer(), calls: Type.Array(CallSchema) }) },
    },
  }, async (request) => {
    const list = fastify.store.calls.list(request.query.path)
    return { count: list.length, calls: list }
  })
}

export default calls
