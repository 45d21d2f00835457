import type { FastifyPluginAsync } from 'fastify'
import cancelRoute from './orders/cancel'
import payRoute from './orders/pay'
import syncRoute from './orders/sync'

/**
 * The order actions beside routes/orders (list, create, read), under the same /api/orders prefix:
 * pay, cancel and sync, which drive the payment state machine (payments/).
 */
const orderActionRoutes: FastifyPluginAsync = async (fastify) => {
  await fastify.register(payRoute)
  await fastify.register(cancelRoute)
  await fastify.register(syncRoute)
}

export default orderActionRoutes
