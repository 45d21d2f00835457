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

  fastify.post('/v3', async (request, reply) => {
    const pay = fastify.pay
    if (!pay?.config.apiV3Key)
      return failure(request, reply, 503)
    const body = typeof request.body === 'string' ? request.body : ''
    let transaction: PayTransaction
    try {
      transaction = await openV3Notify(nodeHeaders(request.headers), body, pay.platformKeys, pay.config.apiV3Key, Date.now())
    } catch (err) {
      if (!(err instanceof NotifyRefusedError))
        throw err
      request.log.warn({ payNotify: { reason: err.reason } }, 'pay notify refused')
      return failure(request, reply, SIGNATURE_PROBLEMS.has(err.reason) ? 401 : 400)
    }
    if (!(await settle(transaction, request)))
      return failure(request, reply, 400)
    return reply.code(204).send()
  })

  fastify.post('/', async (request, reply) => {
    const pay = fastify.pay
    if (!pay?.config.apiV2Key)
      return failure(request, reply, 503)
    const body = typeof request.body === 'string' ? request.body : ''
    let transaction: PayTransaction
    try {
      transaction = openV2Notify(body, pay.config.apiV2Key)
    } catch (err) {
      if (!(err instanceof NotifyRefusedError))
        throw err
      request.log.warn({ payNotify: { reason: err.reason } }, 'pay notify refused')
      return failure(request, reply, 400)
    }
    if (!(await settle(transaction, request)))
      return failure(request, reply, 400)
    return reply.type('text/xml; charset=utf-8').send(V2_SUCCESS_XML)
  })
}

export default payNotifyRoutes
