import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { ShareSchema } from '../../schemas/control'

/** GET /__control/shares: what pages set for sharing, newest first. */
const shares: FastifyPluginAsyncTypebox = async (fastify) => {
  fastify.get('/shares', {
    schema: { response: { 200: Type.Object({ shares: Type.Array(ShareSchema) }) } },
  }, async () => ({ shares: fastify.store.shares.list() }))
}

export default shares
