import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { deviceOwner } from '../../oauth/device-owner'
import { ControlErrorSchema } from '../../schemas/control'
import { avatarUrl } from '../../state/personas'
import { mockOrigin } from '../../wechat/origin'

const SessionBodySchema = Type.Object({
  device: Type.String({ pattern: '^[0-9a-f]{32}$', description: 'the id the in-page client keeps in the shop\'s storage' }),
  code: Type.Optional(Type.String({ maxLength: 512, description: 'the code in the page\'s own URL, if any' })),
}, { additionalProperties: false })

const BridgeUserSchema = Type.Object({ openid: Type.String(), nickname: Type.String(), headimgurl: Type.String() })

/**
 * POST /__bridge/session: who this browser's WeChat user is, for the in-page client. A page that
 * came back from authorize sends its code and links the device to that code's user; `user` is null
 * until this browser has signed in once. Mock-only: real WeChat tells pages nothing of the kind.
 */
const session: FastifyPluginAsyncTypebox = async (fastify) => {
  fastify.post('/__bridge/session', {
    schema: {
      body: SessionBodySchema,
      response: { 200: Type.Object({ user: Type.Union([BridgeUserSchema, Type.Null()]) }), 400: ControlErrorSchema },
    },
  }, async (request) => {
    const persona = deviceOwner(fastify.store, request.body.device, request.body.code)
    if (!persona)
      return { user: null }
    return { user: { openid: persona.openid, nickname: persona.nickname, headimgurl: avatarUrl(persona, mockOrigin(request)) } }
  })
}

export default session
