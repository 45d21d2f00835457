import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { formatV3Time } from '@wxshop/shared/wechat-pay'
import { Type } from 'typebox'
import { PayOrderViewSchema } from '../../schemas/pay-control'

/** GET /__control/pay/orders: every order WeChat Pay holds, newest first, with its trade state as of now and each notify attempt. */
const payOrders: FastifyPluginAsyncTypebox = async (fastify) => {
  const { store } = fastify
  const iso = (ms: number) => new Date(ms).toISOString()
  fastify.get('/pay/orders', { schema: { response: { 200: Type.Object({ orders: Type.Array(PayOrderViewSchema) }) } } }, async () => ({
    orders: store.payOrders.list().reverse().map(order => ({
      version: order.version,
      mchid: order.mchid,
      appid: order.appid,
      out_trade_no: order.out_trade_no,
      sign_type: order.sign_type,
      description: order.description,
      total: order.total,
      openid: order.openid,
      notify_url: order.notify_url,
      attach: order.attach,
      time_expire: order.time_expire === undefined ? undefined : formatV3Time(order.time_expire),
      prepay_id: order.prepay_id,
      prepayCreatedAt: iso(order.prepayCreatedAt),
      createdAt: iso(order.createdAt),
      trade_state: store.payOrders.stateOf(order),
      transaction_id: order.transaction_id,
      success_time: order.successAt === undefined ? undefined : formatV3Time(order.successAt),
      notifyAcknowledged: order.notifyAcknowledged,
      notifyAttempts: order.notifyAttempts,
    })),
  }))
}

export default payOrders
