import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { TradeState } from '@wxshop/shared/wechat-pay'
import { v2Refusal, v2Signed } from '../../pay/v2-message'
import { v2Endpoint } from '../../pay/v2-route'

// "订单生成后不能马上调用关单接口，最短调用时间间隔为5分钟": a toggle, off by default [choice]
const CLOSE_WAIT_MS = 5 * 60 * 1000

/** POST /pay/closeorder (WECHAT-PAY.md §A3): closes an unpaid order; a paid one is ORDERPAID, a closed one ORDERCLOSED. */
const v2CloseOrder: FastifyPluginAsyncTypebox = async (fastify) => {
  const { store } = fastify
  v2Endpoint(fastify, '/pay/closeorder', ['out_trade_no'], ({ fields, signType }, merchant) => {
    if (fields.appid !== merchant.appid)
      return v2Refusal(merchant, signType, 'APPID_MCHID_NOT_MATCH', 'appid和mch_id不匹配')
    const order = store.payOrders.get(fields.out_trade_no!)
    if (!order)
      return v2Refusal(merchant, signType, 'ORDERNOTEXIST', '订单不存在')
    const state = store.payOrders.stateOf(order)
    if (state === TradeState.Success)
      return v2Refusal(merchant, signType, 'ORDERPAID', '订单已支付，不能发起关单')
    if (state === TradeState.Closed)
      return v2Refusal(merchant, signType, 'ORDERCLOSED', '订单已关闭，无法重复关闭')
    if (store.payControls.closeWait && store.now() - order.createdAt < CLOSE_WAIT_MS)
      return v2Refusal(merchant, signType, 'SYSTEMERROR', '订单生成后不能马上调用关单接口，最短调用时间间隔为5分钟')
    store.payOrders.close(order)
    return v2Signed(merchant, signType, { result_code: 'SUCCESS', result_msg: 'OK' })
  })
}

export default v2CloseOrder
