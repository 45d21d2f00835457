import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { ApiErrorBodySchema, ErrorCode, OrderMessage, OrderParamsSchema, PayParamsSchema } from '@wxshop/shared'
import { ApiError, notFound } from '../../errors'
import { findOrderForAccount } from '../../repositories/order-repository'
import { ORDER_NOT_FOUND } from '../../orders/order-errors'

/**
 * POST /api/orders/:id/pay: the six getBrandWCPayRequest parameters for the session's own unpaid
 * order (payments/pay-params.ts). Never logged: paySign and the keys behind it.
 */
const payRoute: FastifyPluginAsyncTypebox = async (fastify) => {
  fastify.post('/:id/pay', {
    preHandler: fastify.requireAccount,
    schema: {
      params: OrderParamsSchema,
      response: { 200: PayParamsSchema, 404: ApiErrorBodySchema, 409: ApiErrorBodySchema, 502: ApiErrorBodySchema, 503: ApiErrorBodySchema },
    },
  }, async (request, reply) => {
    const order = await findOrderForAccount(fastify.db, request.accountId, request.params.id)
    if (!order)
      throw notFound(ORDER_NOT_FOUND)
    if (!fastify.pay)
      throw new ApiError(503, ErrorCode.PayFailed, OrderMessage.PayUnavailable)
    // fresh nonce and signature each time: never cached
    reply.header('cache-control', 'no-store')
    return fastify.pay.payParamsFor(order, request.ip, request.log)
  })
}

export default payRoute
