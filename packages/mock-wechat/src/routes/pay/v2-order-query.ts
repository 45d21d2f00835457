import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { TRADE_STATE_DESC, TradeState } from '@wxshop/shared/wechat-pay'
import { v2PaidFields } from '../../pay/transaction'
import { v2Fail, v2Refusal, v2Signed } from '../../pay/v2-message'
import { v2Endpoint } from '../../pay/v2-route'

/**
 * POST /pay/orderquery (WECHAT-PAY.md §A3) by transaction_id or out_trade_no: the trade_state as of
 * now (an unpaid order past time_expire is CLOSED); a paid order with every field of its payment.
 */
const v2OrderQuery: FastifyPluginAsyncTypebox = async (fastify) => {
  const { store } = fastify
  v2Endpoint(fastify, '/pay/orderquery', [], ({ fields, signType }, merchant) => {
    const { transaction_id: transactionId, out_trade_no: outTradeNo } = fields
    if (!transactionId && !outTradeNo)
      return v2Fail('缺少参数out_trade_no')
    if (fields.appid !== merchant.appid)
      return v2Refusal(merchant, signType, 'APPID_MCHID_NOT_MATCH', 'appid和mch_id不匹配')
    const order = transactionId ? store.payOrders.byTransactionId(transactionId) : store.payOrders.get(outTradeNo!)
    if (!order)
      return v2Refusal(merchant, signType, 'ORDERNOTEXIST', '订单不存在')
    const state = store.payOrders.stateOf(order)
    const common = { result_code: 'SUCCESS', out_trade_no: order.out_trade_no, trade_state: state, trade_state_desc: TRADE_STATE_DESC[state] }
    if (state !== TradeState.Success)
      return v2Signed(merchant, signType, { ...common, total_fee: String(order.total), attach: order.attach })
    return v2Signed(merchant, signType, { ...common, ...v2PaidFields(order, store.personas.get(order.openid)?.subscribe === 1) })
  })
}

export default v2OrderQuery
