import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { ApiErrorBodySchema, OrderParamsSchema, OrderSchema } from '@wxshop/shared'
import { notFound } from '../../errors'
import { findOrderForAccount, toOrder } from '../../repositories/order-repository'
import { ORDER_NOT_FOUND } from '../../orders/order-errors'

/** An order is asked about at WeChat Pay at most this often, however often its page polls. */
export const SYNC_MIN_INTERVAL_MS = 3000

/**
 * POST /api/orders/:id/sync: the order page calls it while polling after `get_brand_wcpay_request:ok`
 * (which proves nothing): an unpaid order with a prepay is asked about at WeChat Pay (at most once
 * per few seconds per order) and settled when paid, so a lost or late notify never leaves a paid
 * order unpaid. Answers the Order as it now is; WeChat Pay being down just answers it unchanged.
 */
const syncRoute: FastifyPluginAsyncTypebox = async (fastify) => {
  const lastAsked = new Map<number, number>()

  fastify.post('/:id/sync', {
    preHandler: fastify.requireAccount,
    schema: {
      params: OrderParamsSchema,
      response: { 200: OrderSchema, 404: ApiErrorBodySchema },
    },
  }, async (request, reply) => {
    const { db, pay } = fastify
    const stored = await findOrderForAccount(db, request.accountId, request.params.id)
    if (!stored)
      throw notFound(ORDER_NOT_FOUND)
    const order = stored.row
    const nowMs = Date.now()
    const asked = lastAsked.get(order.id)
    if (pay && order.status === 'unpaid' && order.prepay_id !== null && (asked === undefined || nowMs - asked >= SYNC_MIN_INTERVAL_MS)) {
      lastAsked.set(order.id, nowMs)
      forgetOld(nowMs)
      try {
        await pay.payments.syncOrder(order, { log: request.log })
      } catch (err) {
        request.log.warn({ err: { message: (err as Error).message } }, 'sync: asking WeChat Pay failed')
      }
    }
    const current = await findOrderForAccount(db, request.accountId, order.id) ?? stored
    reply.header('cache-control', 'no-store')
    return toOrder(current.row, current.items)
  })

  // the map only needs the last few seconds
  function forgetOld(nowMs: number): void {
    if (lastAsked.size < 1000)
      return
    for (const [id, at] of lastAsked) {
      if (nowMs - at >= SYNC_MIN_INTERVAL_MS)
        lastAsked.delete(id)
    }
  }
}

export default syncRoute
