import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { shopCors } from '../../hooks/shop-cors'
import script from './script'
import session from './session'

/**
 * The in-page client: GET /bridge.js and the /__bridge/* calls it makes from the shop's page, with
 * CORS for the shop's origin. The WeixinJSBridge that the JS-SDK talks to grows here.
 */
const bridgeRoutes: FastifyPluginAsyncTypebox = async (fastify) => {
  fastify.addHook('onRequest', shopCors)
  // the client's POSTs are JSON, so the browser asks first
  fastify.options('/__bridge/*', async (_request, reply) => reply
    .code(204)
    .header('access-control-allow-methods', 'GET, POST')
    .header('access-control-allow-headers', 'content-type')
    .header('access-control-max-age', '600')
    .send())
  await fastify.register(script)
  await fastify.register(session)
}

export default bridgeRoutes
