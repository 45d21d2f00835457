import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { FastifyReply } from 'fastify'
import { Type } from 'typebox'
import { merchantOf } from '../../pay/merchant'
import { v3Transaction } from '../../pay/transaction'
import { sendV3, sendV3Error } from '../../pay/v3-reply'
import type { PayOrder } from '../../state/pay-orders'

const QuerySchema = Type.Object({ mchid: Type.Optional(Type.String()) })

/**
 * GET /v3/pay/transactions/out-trade-no/:no?mchid= and /id/:transaction_id?mchid= (WECHAT-PAY.md
 * §B4): the transaction, its trade_state as of now (an unpaid order past time_expire is CLOSED).
 */
const v3Query: FastifyPluginAsyncTypebox = async (fastify) => {
  const { store } = fastify
  const merchant = merchantOf(store.config)

  function answer(reply: FastifyReply, mchid: string | undefined, order: PayOrder | undefined) {
    if (!mchid)
      return sendV3Error(reply, store, 400, { code: 'PARAM_ERROR', message: 'mchid: 此字段为必填项', detail: { field: 'mchid', value: null, issue: '此字段为必填项', location: 'query' } })
    if (mchid !== merchant.mchid)
      return sendV3Error(reply, store, 400, { code: 'MCH_NOT_EXISTS', message: '商户号不存在' })
    if (!order)
      return sendV3Error(reply, store, 404, { code: 'ORDERNOTEXIST', message: '订单不存在' })
    return sendV3(reply, store, 200, v3Transaction(store, order))
  }

  fastify.get('/v3/pay/transactions/out-trade-no/:no', {
    schema: { params: Type.Object({ no: Type.String() }), querystring: QuerySchema },
  }, async (request, reply) => answer(reply, request.query.mchid, store.payOrders.get(request.params.no)))

  fastify.get('/v3/pay/transactions/id/:id', {
    schema: { params: Type.Object({ id: Type.String() }), querystring: QuerySchema },
  }, async (request, reply) => answer(reply, request.query.mchid, store.payOrders.byTransactionId(request.params.id)))
}

export default v3Query
