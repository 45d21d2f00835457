import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'

/** POST /__control/reset: forget everything (users, codes, tokens, next-login, faults, calls). */
const reset: FastifyPluginAsyncTypebox = async (fastify) => {
  fastify.post('/reset', { schema: { response: { 200: Type.Object({ ok: Type.Literal(true) }) } } }, async () => {
    fastify.store.reset()
    return { ok: true as const }
  })
}

export default reset
