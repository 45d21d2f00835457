import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import createRoute from './create'
import getRoute from './get'
import listRoute from './list'

/** /api/orders: a bound account's orders (create, list, one). Pay, cancel and notify are the pay routes'. */
const orderRoutes: FastifyPluginAsyncTypebox = async (fastify) => {
  await fastify.register(createRoute)
  await fastify.register(listRoute)
  await fastify.register(getRoute)
}

export default orderRoutes
