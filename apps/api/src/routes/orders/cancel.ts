import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { ApiErrorBodySchema, OrderCloseReason, OrderMessage, OrderParamsSchema, OrderSchema } from '@wxshop/shared'
import { notFound } from '../../errors'
import { orderStateError, payUnavailable } from '../../payments/pay-params'
import { closeUnpaidOrder, findOrderForAccount, toOrder } from '../../repositories/order-repository'
import { PayUnavailableError, PayRefusedError } from '../../wechat/pay/pay-errors'
import { ORDER_NOT_FOUND } from '../../orders/order-errors'

/**
 * POST /api/orders/:id/cancel: the session's own unpaid order is closed (at WeChat Pay first when
 * it has a prepay, so it cannot be paid afterwards) and its stock released. A paid order cannot be
 * cancelled (409); a closed one stays closed (200, the order as it is).
 */
const cancelRoute: FastifyPluginAsyncTypebox = async (fastify) => {
  fastify.post('/:id/cancel', {
    preHandler: fastify.requireAccount,
    schema: {
      params: OrderParamsSchema,
      response: { 200: OrderSchema, 404: ApiErrorBodySchema, 409: ApiErrorBodySchema, 502: ApiErrorBodySchema },
    },
  }, async (request, reply) => {
    const { db } = fastify
    const stored = await findOrderForAccount(db, request.accountId, request.params.id)
    if (!stored)
      throw notFound(ORDER_NOT_FOUND)
    const order = stored.row
    if (order.status === 'paid')
      throw orderStateError(OrderMessage.CannotCancelPaid)
    if (order.status === 'unpaid') {
      if (fastify.pay) {
        try {
          const outcome = await fastify.pay.payments.closeOrder(order, OrderCloseReason.Cancelled, { log: request.log })
          if (outcome === 'paid')
            throw orderStateError(OrderMessage.CannotCancelPaid)
        } catch (err) {
          // WeChat Pay must confirm the close first, or the shopper could still pay a cancelled order
          if (err instanceof PayUnavailableError || err instanceof PayRefusedError) {
            request.log.warn({ err: { message: err.message } }, 'cancel: closing at WeChat Pay failed')
            throw payUnavailable()
          }
          throw err
        }
      } else {
        await closeUnpaidOrder(db, order.id, OrderCloseReason.Cancelled, new Date().toISOString())
      }
    }
    const current = await findOrderForAccount(db, request.accountId, order.id)
    if (!current)
      throw notFound(ORDER_NOT_FOUND)
    if (current.row.status === 'paid')
      throw orderStateError(OrderMessage.CannotCancelPaid)
    reply.header('cache-control', 'no-store')
    return toOrder(current.row, current.items)
  })
}

export default cancelRoute
