import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import v2Routes from './v2'
import v3Routes from './v3'

/** WeChat Pay on api.mch.weixin.qq.com: APIv3 (JSON, RSA) and APIv2 (XML, MD5 / HMAC-SHA256). */
const payRoutes: FastifyPluginAsyncTypebox = async (fastify) => {
  await fastify.register(v3Routes)
  await fastify.register(v2Routes)
}

export default payRoutes
