import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { TradeState } from '@wxshop/shared/wechat-pay'
import { Type } from 'typebox'
import { checkBridgePay, PayErrMsg } from '../../pay/bridge-checks'
import { ControlErrorSchema } from '../../schemas/control'

const PayBodySchema = Type.Object({
  device: Type.String({ pattern: '^[0-9a-f]{32}$', description: 'the id the in-page client keeps, as for /__bridge/session' }),
  client: Type.Union([Type.String({ maxLength: 32 }), Type.Null()], { description: 'ios | android, or null outside WeChat' }),
  pageUrl: Type.String({ maxLength: 4096, description: 'the URL the client checks against the pay directories, without #fragment' }),
  params: Type.Unknown({ description: 'what the page passed to getBrandWCPayRequest, as it was: the checks judge it' }),
}, { additionalProperties: false })

const RefusalSchema = Type.Object({ ok: Type.Literal(false), errMsg: Type.String(), dialog: Type.Union([Type.String(), Type.Null()]) })
const SheetSchema = Type.Object({
  ok: Type.Literal(true),
  sheet: Type.Object({ ticket: Type.String(), merchantName: Type.String(), description: Type.String(), totalFen: Type.Integer() }),
})

// A timeStamp this far from now is logged, never refused (WECHAT-PAY.md §D 9 [choice]).
const SKEW_LOGGED_S = 300

/**
 * POST /__bridge/pay and /__bridge/pay/complete (PAY-BRIDGE-CONTRACT.md): what the WeChat client
 * does with getBrandWCPayRequest. The first answers the checks of WECHAT-PAY.md §D in order, or opens
 * a pay sheet (a single-use ticket); the second is the person's press on that sheet.
 */
const pay: FastifyPluginAsyncTypebox = async (fastify) => {
  const { store } = fastify

  fastify.post('/__bridge/pay', {
    schema: {
      body: PayBodySchema,
      response: { 200: Type.Union([RefusalSchema, SheetSchema]), 400: ControlErrorSchema },
    },
  }, async (request) => {
    const checked = checkBridgePay(store, request.body)
    if (!checked.ok)
      return checked
    const skew = Math.abs(Number(checked.params.timeStamp) - Math.floor(store.now() / 1000))
    if (skew > SKEW_LOGGED_S)
      request.log.info({ skewSeconds: skew }, 'getBrandWCPayRequest timeStamp far from now (not refused)')
    if (store.payControls.takeFail())
      return { ok: false as const, errMsg: PayErrMsg.Fail, dialog: null }
    const { order } = checked
    return {
      ok: true as const,
      sheet: { ticket: store.payTickets.open(order.out_trade_no, order.prepay_id), merchantName: store.config.pay.merchantName, description: order.description, totalFen: order.total },
    }
  })

  fastify.post('/__bridge/pay/complete', {
    schema: {
      body: Type.Object({ ticket: Type.String({ maxLength: 64 }), action: Type.Enum(['confirm', 'cancel']) }, { additionalProperties: false }),
      response: { 200: Type.Object({ errMsg: Type.String() }), 400: ControlErrorSchema, 404: ControlErrorSchema },
    },
  }, async (request, reply) => {
    const sheet = store.payTickets.take(request.body.ticket)
    if (!sheet)
      return reply.code(404).send({ error: { code: 'NOT_FOUND', message: 'no open pay sheet has this ticket (unknown, used, or older than 10 minutes)' } })
    if (request.body.action === 'cancel')
      return { errMsg: PayErrMsg.Cancel }
    const order = store.payOrders.get(sheet.outTradeNo)
    // closed (or paid elsewhere) while the sheet was open: WeChat Pay refuses the payment
    if (!order || store.payOrders.stateOf(order) !== TradeState.NotPay)
      return { errMsg: PayErrMsg.Fail }
    store.payOrders.complete(order)
    fastify.payNotifier.queue(order)
    return { errMsg: PayErrMsg.Ok }
  })
}

export default pay
