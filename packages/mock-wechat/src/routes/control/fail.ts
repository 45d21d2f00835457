import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { ControlErrorSchema, FailBodySchema } from '../../schemas/control'

/**
 * POST /__control/fail: the next `times` calls to `path` answer `errcode` (with WeChat's errmsg unless
 * one is given), after `delayMs` if set. `errcode: 'timeout'` holds the answer (30 s unless `delayMs`).
 */
const fail: FastifyPluginAsyncTypebox = async (fastify) => {
  fastify.post('/fail', {
    schema: {
      body: FailBodySchema,
      response: { 200: Type.Object({ queued: FailBodySchema }), 400: ControlErrorSchema },
    },
  }, async (request, reply) => {
    const { times = 1, ...fault } = request.body
    if (fault.errcode === undefined && fault.delayMs === undefined)
      return reply.code(400).send({ error: { code: 'VALIDATION', message: 'body must have errcode (a WeChat errcode or "timeout") or delayMs' } })
    fastify.store.faults.add({ ...fault, remaining: times })
    return { queued: { ...fault, times } }
  })
}

export default fail
