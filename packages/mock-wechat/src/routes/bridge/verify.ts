import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { checkConfig } from '../../jssdk/verify-config'
import { ControlErrorSchema } from '../../schemas/control'
import { mockOrigin } from '../../wechat/origin'

const Text = (maxLength: number) => Type.Optional(Type.String({ maxLength }))

// The JS-SDK sends whatever the page gave wx.config (`verifyTimestamp` is `String(timestamp)`, so a
// missing one arrives as "undefined"): only sizes are bounded here, the check answers the rest.
const VerifyBodySchema = Type.Object({
  appId: Text(64),
  timestamp: Text(64),
  nonceStr: Text(128),
  signature: Text(128),
  jsApiList: Type.Array(Type.String({ maxLength: 64 }), { maxItems: 200 }),
  url: Type.String({ minLength: 1, maxLength: 4096, description: 'the URL the client checked, without #fragment' }),
}, { additionalProperties: false })

/**
 * POST /__bridge/verify: the client's preVerifyJSAPI (what wx.config calls) asks WeChat whether the
 * page may use the JS-SDK. Answers `{ errMsg }` with WeChat's text: `config:ok`, `config:invalid url
 * domain`, `config:invalid signature`, `config:invalid appid`. Which URL to check is the client's
 * rule (iOS: landing URL), so the client sends it; a page may only name a URL of its own origin.
 */
const verify: FastifyPluginAsyncTypebox = async (fastify) => {
  fastify.post('/__bridge/verify', {
    schema: {
      body: VerifyBodySchema,
      response: { 200: Type.Object({ errMsg: Type.String() }), 400: ControlErrorSchema, 403: ControlErrorSchema },
    },
  }, async (request, reply) => {
    const origin = request.headers.origin
    if (origin !== undefined && origin !== mockOrigin(request) && !isOfOrigin(request.body.url, origin))
      return reply.code(403).send({ error: { code: 'FORBIDDEN', message: `a page checks its own URL only: ${origin} may not ask for ${request.body.url}` } })
    return { errMsg: checkConfig(fastify.store, request.body) }
  })
}

function isOfOrigin(url: string, origin: string): boolean {
  try {
    return new URL(url).origin === origin
  } catch {
    return false
  }
}

export default verify
