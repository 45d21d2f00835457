import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { ApiErrorBodySchema, OrderListQuerySchema, OrderListSchema } from '@wxshop/shared'
import { listOrdersForAccount } from '../../repositories/order-repository'

/**
 * GET /api/orders?status=&page=&pageSize=: the bound account's own orders, newest first. Orders are
 * shown as stored: one past its expiresAt that is still unpaid reads `unpaid` until the expiry sweep
 * closes it (the SPA may show it as expiring; paying it is refused once closed).
 */
const listRoute: FastifyPluginAsyncTypebox = async (fastify) => {
  fastify.get('/', {
    schema: {
      querystring: OrderListQuerySchema,
      response: { 200: OrderListSchema, 400: ApiErrorBodySchema, 401: ApiErrorBodySchema, 403: ApiErrorBodySchema },
    },
    preHandler: fastify.requireAccount,
  }, async (request, reply) => {
    // one user's data: no shared cache may keep it
    reply.header('cache-control', 'no-store')
    return listOrdersForAccount(fastify.db, request.accountId, request.query)
  })
}

export default listRoute
