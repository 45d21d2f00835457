import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { NextLoginBodySchema } from '../../schemas/control'

/**
 * POST /__control/next-login: who opens the next authorize link and what they press, so a headless
 * run needs no clicks. Used once, by the next authorize visit that passes validation.
 */
const nextLogin: FastifyPluginAsyncTypebox = async (fastify) => {
  fastify.post('/next-login', {
    schema: {
      body: NextLoginBodySchema,
      response: { 200: Type.Object({ nextLogin: NextLoginBodySchema }) },
    },
  }, async (request) => {
    fastify.store.setNextLogin(request.body)
    return { nextLogin: request.body }
  })
}

export default nextLogin
