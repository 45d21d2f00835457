import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'

const ResetBodySchema = Type.Object({
  keep: Type.Optional(Type.Array(Type.Literal('server_credentials'), {
    description: 'what to keep: `server_credentials` keeps the issued access_tokens and jsapi_tickets, for a shop that outlives one test',
  })),
}, { additionalProperties: false })

/**
 * POST /__control/reset: forget everything (users, codes, tokens, next-login, faults, calls, shares,
 * queued scans). `{ keep: ['server_credentials'] }` keeps the global access_tokens and tickets.
 */
const reset: FastifyPluginAsyncTypebox = async (fastify) => {
  fastify.post('/reset', {
    schema: { body: Type.Optional(ResetBodySchema), response: { 200: Type.Object({ ok: Type.Literal(true) }) } },
  }, async (request) => {
    fastify.store.reset({ keepServerCredentials: request.body?.keep?.includes('server_credentials') ?? false })
    return { ok: true as const }
  })
}

export default reset
