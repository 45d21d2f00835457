import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { merchantOf } from '../../pay/merchant'
import { placeOrder } from '../../pay/place-order'
import { checkJsapiBody } from '../../pay/v3-jsapi-body'
import { sendV3, sendV3Error } from '../../pay/v3-reply'

const REFUSALS = {
  paid: { code: 'ORDERPAID', message: '该订单已支付' },
  closed: { code: 'ORDER_CLOSED', message: '订单已关闭' },
  changed: { code: 'INVALID_REQUEST', message: '201 商户订单号重复' },
} as const

/**
 * POST /v3/pay/transactions/jsapi (WECHAT-PAY.md §B3): a prepay_id valid 2 h; the same
 * out_trade_no with the same params answers the current one, with other params INVALID_REQUEST.
 */
const v3Jsapi: FastifyPluginAsyncTypebox = async (fastify) => {
  const { store } = fastify
  const merchant = merchantOf(store.config)
  fastify.post('/v3/pay/transactions/jsapi', async (request, reply) => {
    let body: unknown
    try {
      body = JSON.parse(typeof request.body === 'string' ? request.body : '')
    } catch {
      return sendV3Error(reply, store, 400, { code: 'PARAM_ERROR', message: '请求体不是合法的JSON' })
    }
    const checked = checkJsapiBody(body, merchant, store)
    if ('error' in checked)
      return sendV3Error(reply, store, checked.status, checked.error)
    const placed = placeOrder(store, checked.params)
    if ('refused' in placed)
      return sendV3Error(reply, store, 400, REFUSALS[placed.refused])
    return sendV3(reply, store, 200, { prepay_id: placed.order.prepay_id })
  })
}

export default v3Jsapi
