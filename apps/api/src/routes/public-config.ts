import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { PublicConfigSchema } from '@wxshop/shared'
import { JS_API_LIST } from '../wechat/js-api-list'

/**
 * GET /api/config: what the browser needs to start. Built field by field from the config, and the
 * response schema drops anything else, so no secret can slip out.
 */
const publicConfigRoutes: FastifyPluginAsyncTypebox = async (fastify) => {
  const { config } = fastify

  fastify.get('/', {
    schema: { response: { 200: PublicConfigSchema } },
  }, async () => ({
    appId: config.wechat.appId,
    mode: config.wechat.mode,
    jsApiList: [...JS_API_LIST],
    shopName: config.shopName,
    publicUrl: config.publicUrl,
    followQrUrl: config.wechat.followQrUrl,
    payDirectory: config.pay?.directory ?? null,
  }))
}

export default publicConfigRoutes
