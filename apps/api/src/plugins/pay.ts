import fp from 'fastify-plugin'
import type { PayConfig } from '../config'
import { createOrderPaidMessages, type OrderPaidMessages } from '../payments/order-paid-messages'
import { createOrderPayments, type OrderPayments } from '../payments/order-payments'
import { createPayParams, type PayParamsFor } from '../payments/pay-params'
import type { PayClient } from '../wechat/pay/pay-client'
import { createPlatformKeys, type PlatformKeys } from '../wechat/pay/platform-keys'
import { createV2Client } from '../wechat/pay/v2-client'
import { createV3Client } from '../wechat/pay/v3-client'

export interface PayServices {
  config: PayConfig
  /** the client of config.pay.version */
  client: PayClient
  /** the order state machine: settlePaid, closeOrder, syncOrder */
  payments: OrderPayments
  payParamsFor: PayParamsFor
  /** WeChat Pay's platform keys, for v3 notifies (whichever version pays) */
  platformKeys: PlatformKeys
  messages: OrderPaidMessages
  /** sends due template messages soon, without waiting (after a notify paid an order) */
  kickMessages: () => void
  /** resolves once no kicked send is running (tests wait on it before reading the mock's messages) */
  messagesIdle: () => Promise<void>
}

declare module 'fastify' {
  interface FastifyInstance {
    /** WeChat Pay and the order payment state machine; null when pay is not configured (live mode without WECHAT_PAY_MCHID). */
    pay: PayServices | null
  }
}

/** WeChat Pay for the configured merchant, the payment state machine on it, and the paid-message outbox sender. */
export default fp(async function pay(fastify) {
  const { config: appConfig, db, wechat: transport, wechatApi, log } = fastify
  const config = appConfig.pay
  if (config === null) {
    log.warn('WeChat Pay is not configured (WECHAT_PAY_MCHID): orders cannot be paid')
    fastify.decorate('pay', null)
    return
  }
  const base = { pay: config, appId: appConfig.wechat.appId, publicUrl: appConfig.publicUrl, transport, log }
  const v3 = config.privateKey && config.serialNo && config.apiV3Key ? createV3Client(base) : null
  const client = config.version === 'v3' ? v3 : createV2Client(base)
  if (!client)
    throw new Error('WeChat Pay v3 needs the merchant private key, its serial and the APIv3 key')
  const platformKeys = v3?.platformKeys ?? createPlatformKeys({ mode: 'public-key', publicKey: config.publicKey, publicKeyId: config.publicKeyId })

  const messages = createOrderPaidMessages({ db, api: wechatApi, templateId: config.orderPaidTemplateId, publicUrl: appConfig.publicUrl, log })
  let closing = false
  let sending: Promise<void> | undefined
  let again = false
  function kickMessages(): void {
    if (closing)
      return
    if (sending) {
      again = true
      return
    }
    // setImmediate: the notify's answer leaves first; the send never delays it
    sending = new Promise(resolve => setImmediate(resolve))
      .then(async () => {
        do {
          again = false
          if (!closing)
            await messages.sendDue()
        } while (again && !closing)
      })
      .catch(err => log.warn({ err }, 'sending order paid messages failed'))
      .finally(() => {
        sending = undefined
      })
  }
  async function messagesIdle(): Promise<void> {
    while (sending)
      await sending
  }
  fastify.addHook('preClose', async () => {
    closing = true
    await messagesIdle()
  })

  const payments = createOrderPayments({
    db,
    pay: client,
    mchId: config.mchId,
    appId: appConfig.wechat.appId,
    orderPaidTemplateId: config.orderPaidTemplateId,
    log,
    onPaid: kickMessages,
  })
  const payParamsFor = createPayParams({ db, pay: client, payments })
  fastify.decorate('pay', { config, client, payments, payParamsFor, platformKeys, messages, kickMessages, messagesIdle })
}, { name: 'pay', dependencies: ['db', 'wechat', 'wechat-tokens'] })
