import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { TradeState } from '@wxshop/shared/wechat-pay'
import { Type } from 'typebox'
import { ControlErrorSchema } from '../../schemas/control'
import { NotifyAttemptSchema, PayNotifyBodySchema } from '../../schemas/pay-control'

/**
 * POST /__control/pay/notify { orderNo, kind, times? }: sends the pay notify of a paid order now,
 * `times` at once (duplicates arrive together), and answers what the shop said to each. `probe`
 * sends a WECHATPAY/SIGNTEST/ signature (v3) or a wrong sign (v2), which the shop must refuse. Each is
 * recorded on the order; an acknowledged success stops its retries.
 */
const payNotify: FastifyPluginAsyncTypebox = async (fastify) => {
  const { store } = fastify
  fastify.post('/pay/notify', {
    schema: {
      body: PayNotifyBodySchema,
      response: { 200: Type.Object({ answers: Type.Array(NotifyAttemptSchema) }), 400: ControlErrorSchema, 404: ControlErrorSchema, 409: ControlErrorSchema },
    },
  }, async (request, reply) => {
    const { orderNo, kind, times = 1 } = request.body
    const order = store.payOrders.get(orderNo)
    if (!order)
      return reply.code(404).send({ error: { code: 'NOT_FOUND', message: `WeChat Pay holds no order ${orderNo}` } })
    if (store.payOrders.stateOf(order) !== TradeState.Success)
      return reply.code(409).send({ error: { code: 'ORDER_STATE', message: `order ${orderNo} is ${store.payOrders.stateOf(order)}: WeChat Pay notifies paid orders only` } })
    return { answers: await fastify.payNotifier.sendNow(order, kind as 'success' | 'probe', times) }
  })
}

export default payNotify
