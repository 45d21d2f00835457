import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { ApiErrorBodySchema, OrderParamsSchema, OrderSchema } from '@wxshop/shared'
import { notFound } from '../../errors'
import { ORDER_NOT_FOUND } from '../../orders/order-errors'
import { findOrderForAccount, toOrder } from '../../repositories/order-repository'

/**
 * GET /api/orders/:id: one of the bound account's orders. Another account's order answers exactly
 * like a missing one (404), so ids tell nobody which orders exist. Shown as stored (see list.ts).
 */
const getRoute: FastifyPluginAsyncTypebox = async (fastify) => {
  fastify.get('/:id', {
    schema: {
      params: OrderParamsSchema,
      response: { 200: OrderSchema, 400: ApiErrorBodySchema, 401: ApiErrorBodySchema, 403: ApiErrorBodySchema, 404: ApiErrorBodySchema },
    },
    preHandler: fastify.requireAccount,
  }, async (request, reply) => {
    const found = await findOrderForAccount(fastify.db, request.accountId, request.params.id)
    if (!found)
      throw notFound(ORDER_NOT_FOUND)
    reply.header('cache-control', 'no-store')
    return toOrder(found.row, found.items)
  })
}

export default getRoute
