import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import v2CloseOrder from './v2-close-order'
import v2OrderQuery from './v2-order-query'
import v2UnifiedOrder from './v2-unified-order'

/**
 * WeChat Pay APIv2 (WECHAT-PAY.md §A): XML over POST, whatever the content type, answered with
 * HTTP 200 and XML — an unsigned return_code=FAIL for the communication layer, a signed answer
 * (the request's sign_type) for everything past it.
 */
const v2Routes: FastifyPluginAsyncTypebox = async (fastify) => {
  fastify.removeAllContentTypeParsers()
  fastify.addContentTypeParser('*', { parseAs: 'string' }, (_request, body, done) => done(null, body))
  await fastify.register(v2UnifiedOrder)
  await fastify.register(v2OrderQuery)
  await fastify.register(v2CloseOrder)
}

export default v2Routes
