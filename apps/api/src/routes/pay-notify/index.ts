import type { FastifyError, FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import { SettleRefusedError } from '../../payments/order-payments'
import { nodeHeaders } from '../../wechat/pay/v3-verify'
import { openV2Notify, openV3Notify, NOTIFY_BODY_LIMIT_BYTES } from '../../wechat/pay/notify'
import { NotifyRefusedError } from '../../wechat/pay/pay-errors'
import type { PayTransaction } from '../../wechat/pay/pay-transaction'
import { V2_FAIL_XML, V2_SUCCESS_XML, V3_FAIL_BODY } from './replies'

const SIGNATURE_PROBLEMS = new Set(['unsigned', 'signtest', 'stale', 'unknown-serial', 'bad-signature'])

/**
 * POST /api/pay/notify (v2 XML) and /api/pay/notify/v3 (JSON): WeChat Pay's result notifications.
 * The raw body is kept (this plugin's own parsers, 64 KiB), checked before anything is believed
 * (wechat/pay/notify.ts), then handed to the one state machine; the answer is sent only after
 * the payment is committed. Every refusal answers in WeChat Pay's failure format, so it retries.
 */
const payNotifyRoutes: FastifyPluginAsync = async (fastify) => {
  fastify.removeAllContentTypeParsers()
  fastify.addContentTypeParser('*', { parseAs: 'string', bodyLimit: NOTIFY_BODY_LIMIT_BYTES }, (_request, body, done) => done(null, body))

  // framework refusals (too large, bad content type) in WeChat Pay's failure format too
  fastify.setErrorHandler((err: FastifyError, request, reply) => {
    const status = err.statusCode !== undefined && err.statusCode >= 400 && err.statusCode < 500 ? err.statusCode : 500
    request.log[status >= 500 ? 'error' : 'warn']({ err: { message: err.message, code: err.code } }, 'pay notify failed')
    return failure(request, reply, status)
  })

  function failure(request: FastifyRequest, reply: FastifyReply, status: number) {
    if (request.url.startsWith('/api/pay/notify/v3'))
      return reply.code(status).send(V3_FAIL_BODY)
    return reply.code(status).type('text/xml; charset=utf-8').send(V2_FAIL_XML)
  }

  /** Settles a SUCCESS transaction; true when it is settled (now or before), false when refused. */
  async function settle(transaction: PayTransaction, request: FastifyRequest): Promise<boolean> {
    if (transaction.tradeState !== 'SUCCESS') {
      request.log.info({ payNotify: { orderNo: transaction.outTradeNo, tradeState: transaction.tradeState } }, 'pay notify without a payment')
      return true
    }
    try {
      const transitioned = await fastify.pay!.payments.settleTransaction(transaction, { log: request.log })
      request.log.info({ payNotify: { orderNo: transaction.outTradeNo, transitioned } }, 'pay notify settled')
      return true
    } catch (err) {
      if (err instanceof SettleRefusedError) {
        request.log.error({ payNotify: { orderNo: transaction.outTradeNo, reason: err.reason } }, 'pay notify refused: it does not fit the order')
        return false
      }
      throw err
    }
  }

  /**
   * The one path of both versions: `open` checks the raw body (and throws NotifyRefusedError),
   * then the transaction is settled, and `acknowledge` answers only once that is committed.
   */
  async function handleNotify(request: FastifyRequest, reply: FastifyReply, version: {
    open: (body: string) => PayTransaction | Promise<PayTransaction>
    refusedStatus: (reason: string) => number
    acknowledge: () => FastifyReply
  }) {
    const body = typeof request.body === 'string' ? request.body : ''
    let transaction: PayTransaction
    try {
      transaction = await version.open(body)
    } catch (err) {
      if (!(err instanceof NotifyRefusedError))
        throw err
      request.log.warn({ payNotify: { reason: err.reason } }, 'pay notify refused')
      return failure(request, reply, version.refusedStatus(err.reason))
    }
    if (!(await settle(transaction, request)))
      return failure(request, reply, 400)
    return version.acknowledge()
  }

  fastify.post('/v3', async (request, reply) => {
    const pay = fastify.pay
    const apiV3Key = pay?.config.apiV3Key
    if (!pay || !apiV3Key)
      return failure(request, reply, 503)
    return handleNotify(request, reply, {
      open: body => openV3Notify(nodeHeaders(request.headers), body, pay.platformKeys, apiV3Key, Date.now()),
      refusedStatus: reason => SIGNATURE_PROBLEMS.has(reason) ? 401 : 400,
      acknowledge: () => reply.code(204).send(),
    })
  })

  fastify.post('/', async (request, reply) => {
    const apiV2Key = fastify.pay?.config.apiV2Key
    if (!apiV2Key)
      return failure(request, reply, 503)
    return handleNotify(request, reply, {
      open: body => openV2Notify(body, apiV2Key),
      refusedStatus: () => 400,
      acknowledge: () => reply.type('text/xml; charset=utf-8').send(V2_SUCCESS_XML),
    })
  })
}

export default payNotifyRoutes
