import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { plaintextOfFields, plaintextOfXml, PushInputError, type PushPlaintext } from '../../push/push-input'
import { sendPush } from '../../push/send-push'
import { ControlErrorSchema, PushBodySchema, PushResultSchema } from '../../schemas/control'

/**
 * POST /__control/push `{ xml } | { fields }, mode?`: WeChat pushes a message or event to the app's
 * message URL (signed, encrypted in compat and safe mode, 5 s per try, 3 tries) and this answers what
 * the app replied, as WeChat read it, with each try's timing.
 */
const push: FastifyPluginAsyncTypebox = async (fastify) => {
  const { store } = fastify
  fastify.post('/push', {
    schema: { body: PushBodySchema, response: { 200: PushResultSchema, 400: ControlErrorSchema } },
  }, async (request, reply) => {
    const { xml, fields, mode = store.config.messageMode } = request.body
    let plaintext: PushPlaintext
    try {
      if ((xml === undefined) === (fields === undefined))
        throw new PushInputError('send either xml (the plaintext push) or fields (a typed push), not both or neither')
      plaintext = xml !== undefined ? plaintextOfXml(xml) : plaintextOfFields(fields!, { originalId: store.config.originalId, now: store.now() })
    } catch (err) {
      if (err instanceof PushInputError)
        return reply.code(400).send({ error: { code: 'VALIDATION', message: err.message } })
      throw err
    }
    return sendPush(store, plaintext, { mode, timeoutMs: fastify.pushTimeoutMs })
  })
}

export default push
