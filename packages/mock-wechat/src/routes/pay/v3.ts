import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { merchantOf } from '../../pay/merchant'
import { payFaultOf, v3FaultAnswer } from '../../pay/pay-faults'
import { refuseV3Request } from '../../pay/v3-auth'
import { sendV3Error } from '../../pay/v3-reply'
import v3Certificates from './v3-certificates'
import v3Close from './v3-close'
import v3Jsapi from './v3-jsapi'
import v3Query from './v3-query'

/**
 * WeChat Pay APIv3 on api.mch.weixin.qq.com (WECHAT-PAY.md §B): every request is checked against
 * its Authorization header first, over the raw body bytes (kept as a string here, whatever the
 * content type), and every answer is signed by the platform key.
 */
const v3Routes: FastifyPluginAsyncTypebox = async (fastify) => {
  const { store } = fastify
  const merchant = merchantOf(store.config)
  fastify.removeAllContentTypeParsers()
  fastify.addContentTypeParser('*', { parseAs: 'string' }, (_request, body, done) => done(null, body))

  fastify.addHook('preHandler', async (request, reply) => {
    const fault = payFaultOf(request)
    if (fault) {
      const { status, code, message } = v3FaultAnswer(fault)
      return sendV3Error(reply, store, status, { code, message })
    }
    const raw = typeof request.body === 'string' ? request.body : ''
    // the URL exactly as sent: the signature covers its bytes, not a re-encoding of the query
    const refused = refuseV3Request(request.headers.authorization, request.method, request.raw.url ?? request.url, raw, merchant, store.now())
    if (refused)
      return sendV3Error(reply, store, 401, { code: 'SIGN_ERROR', message: refused })
  })

  await fastify.register(v3Jsapi)
  await fastify.register(v3Query)
  await fastify.register(v3Close)
  await fastify.register(v3Certificates)
}

export default v3Routes
