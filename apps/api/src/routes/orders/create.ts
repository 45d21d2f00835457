import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { ApiErrorBodySchema, CreateOrderBodySchema, OrderSchema } from '@wxshop/shared'
import { orderBodyErrors } from '../../orders/order-body-errors'
import { rejectionError } from '../../orders/order-errors'
import { createOrder, toOrder } from '../../repositories/order-repository'

/**
 * POST /api/orders: a bound account's new unpaid order, 201 Order. The body names products and
 * quantities only; names, covers, prices and the total come from the products table (ajv drops any
 * price or total sent along). Stock is reserved in the order's own transaction. The payer is the
 * session's WeChat openid. The same-origin check applies (plugins/same-origin.ts: every POST).
 */
const createRoute: FastifyPluginAsyncTypebox = async (fastify) => {
  fastify.post('/', {
    schema: {
      body: CreateOrderBodySchema,
      response: { 201: OrderSchema, 400: ApiErrorBodySchema, 401: ApiErrorBodySchema, 403: ApiErrorBodySchema, 409: ApiErrorBodySchema },
    },
    schemaErrorFormatter: orderBodyErrors,
    preHandler: fastify.requireAccount,
  }, async (request, reply) => {
    const { items, address, remark } = request.body
    const result = await createOrder(fastify.db, {
      accountId: request.accountId,
      openid: request.session.openid,
      items,
      address,
      // an empty or blank remark is no remark
      remark: remark?.trim() || null,
      now: new Date(),
    })
    if (!result.ok)
      throw rejectionError(result.rejection)
    reply.code(201).header('cache-control', 'no-store')
    return toOrder(result.order.row, result.order.items)
  })
}

export default createRoute
