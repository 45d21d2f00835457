import { Type } from 'typebox'

// The control API of the mock's WeChat Pay (`/__control/pay/*`); bodies refuse unknown properties.
const strict = { additionalProperties: false } as const

export const PayKeysSchema = Type.Object({
  mchid: Type.String(),
  appid: Type.String(),
  apiV2Key: Type.String(),
  apiV3Key: Type.String(),
  merchantSerialNo: Type.String(),
  merchantPublicKey: Type.String(),
  platformPrivateKey: Type.String(),
  platformPublicKey: Type.String(),
  publicKeyId: Type.String(),
  platformCertificateSerial: Type.String(),
  platformCertificate: Type.String(),
  mode: Type.String({ description: 'public-key | certificate: which serial Wechatpay-Serial names' }),
  directories: Type.Array(Type.String()),
})

export const NotifyAttemptSchema = Type.Object({
  at: Type.String(),
  kind: Type.String(),
  status: Type.Union([Type.Integer(), Type.Null()]),
  body: Type.String(),
  ms: Type.Number(),
  acknowledged: Type.Boolean(),
  error: Type.Optional(Type.String()),
})

const Optional = (schema: ReturnType<typeof Type.String>) => Type.Optional(schema)

export const PayOrderViewSchema = Type.Object({
  version: Type.String(),
  mchid: Type.String(),
  appid: Type.String(),
  out_trade_no: Type.String(),
  sign_type: Optional(Type.String()),
  description: Type.String(),
  total: Type.Integer(),
  openid: Type.String(),
  notify_url: Type.String(),
  attach: Optional(Type.String()),
  time_expire: Optional(Type.String()),
  prepay_id: Type.String(),
  prepayCreatedAt: Type.String(),
  createdAt: Type.String(),
  trade_state: Type.String(),
  transaction_id: Optional(Type.String()),
  success_time: Optional(Type.String()),
  notifyAcknowledged: Type.Boolean(),
  notifyAttempts: Type.Array(NotifyAttemptSchema),
})

export const PayNotifyBodySchema = Type.Object({
  orderNo: Type.String({ minLength: 1, maxLength: 32, description: 'the out_trade_no' }),
  kind: Type.Enum(['success', 'probe'], { description: 'probe: a WECHATPAY/SIGNTEST/ signature (v3) or a wrong sign (v2), which the shop must refuse' }),
  times: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, description: 'how many notifies to send at once (duplicates)' })),
}, strict)

export const PayNextResultBodySchema = Type.Object({
  result: Type.Literal('fail', { description: 'the next pay sheet answers get_brand_wcpay_request:fail once the checks pass' }),
}, strict)

export const PayCloseWaitBodySchema = Type.Object({
  enabled: Type.Boolean({ description: 'closeorder refuses orders younger than 5 minutes' }),
}, strict)
