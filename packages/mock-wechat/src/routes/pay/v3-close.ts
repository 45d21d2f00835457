import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { TradeState } from '@wxshop/shared/wechat-pay'
import { Type } from 'typebox'
import { merchantOf } from '../../pay/merchant'
import { sendV3, sendV3Error } from '../../pay/v3-reply'

/**
 * POST /v3/pay/transactions/out-trade-no/:no/close { mchid } (WECHAT-PAY.md §B4): 204 with an
 * empty body, still signed. A paid order cannot be closed; closing a closed one answers 204 again.
 */
const v3Close: FastifyPluginAsyncTypebox = async (fastify) => {
  const { store } = fastify
  const merchant = merchantOf(store.config)
  fastify.post('/v3/pay/transactions/out-trade-no/:no/close', {
    schema: { params: Type.Object({ no: Type.String() }) },
  }, async (request, reply) => {
    let body: unknown
    try {
      body = JSON.parse(typeof request.body === 'string' ? request.body : '')
    } catch {
      return sendV3Error(reply, store, 400, { code: 'PARAM_ERROR', message: '请求体不是合法的JSON' })
    }
    const mchid = typeof body === 'object' && body !== null ? (body as Record<string, unknown>).mchid : undefined
    if (typeof mchid !== 'string' || mchid === '')
      return sendV3Error(reply, store, 400, { code: 'PARAM_ERROR', message: 'mchid: 此字段为必填项', detail: { field: 'mchid', value: mchid ?? null, issue: '此字段为必填项', location: 'body' } })
    if (mchid !== merchant.mchid)
      return sendV3Error(reply, store, 400, { code: 'MCH_NOT_EXISTS', message: '商户号不存在' })
    const order = store.payOrders.get(request.params.no)
    if (!order)
      return sendV3Error(reply, store, 404, { code: 'ORDERNOTEXIST', message: '订单不存在' })
    const state = store.payOrders.stateOf(order)
    if (state === TradeState.Success)
      return sendV3Error(reply, store, 400, { code: 'ORDERPAID', message: '该订单已支付' })
    if (state === TradeState.NotPay)
      store.payOrders.close(order)
    return sendV3(reply, store, 204)
  })
}

export default v3Close
