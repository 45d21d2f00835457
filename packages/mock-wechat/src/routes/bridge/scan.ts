import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { ControlErrorSchema } from '../../schemas/control'

/**
 * POST /__bridge/scan: the in-page client's scanner asks for the result the control API queued
 * (`POST /__control/scan-result`), which is spent. `text: null`: nothing queued, so the client shows
 * its scanner overlay to a person.
 */
const scan: FastifyPluginAsyncTypebox = async (fastify) => {
  fastify.post('/__bridge/scan', {
    schema: {
      body: Type.Object({}, { additionalProperties: false }),
      response: { 200: Type.Object({ text: Type.Union([Type.String(), Type.Null()]) }), 400: ControlErrorSchema },
    },
  }, async () => ({ text: fastify.store.scanResults.take() ?? null }))
}

export default scan
