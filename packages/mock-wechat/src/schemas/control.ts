import { type Static, Type } from 'typebox'
import { ExpireKind } from '../state/expire-kinds'
import { MessageMode } from '../config'
import { InteractionKind } from '../state/interactions'

// Control bodies refuse unknown properties: a typo such as `nickName` must fail loudly, not vanish.
const strict = { additionalProperties: false } as const

const OpenidSchema = Type.String({ pattern: '^[A-Za-z0-9_-]{6,64}$', description: 'an openid-like id: 6–64 of A-Z a-z 0-9 _ -' })

export const UserParamsSchema = Type.Object({ openid: OpenidSchema })

export const UserFieldsSchema = Type.Object({
  nickname: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
  headimgurl: Type.Optional(Type.String({ pattern: '^(https?://.+)?$', description: 'absolute http(s) URL, or empty for no avatar' })),
  sex: Type.Optional(Type.Enum([0, 1, 2], { description: '0 unknown, 1 male, 2 female' })),
  province: Type.Optional(Type.String({ maxLength: 64 })),
  city: Type.Optional(Type.String({ maxLength: 64 })),
  country: Type.Optional(Type.String({ maxLength: 64 })),
  unionid: Type.Optional(OpenidSchema),
  subscribe: Type.Optional(Type.Enum([0, 1])),
}, strict)
export type UserFields = Static<typeof UserFieldsSchema>

export const UserSchema = Type.Object({
  openid: Type.String(),
  nickname: Type.String(),
  headimgurl: Type.String(),
  sex: Type.Number(),
  province: Type.String(),
  city: Type.String(),
  country: Type.String(),
  unionid: Type.Optional(Type.String()),
  subscribe: Type.Number(),
})

export const NextLoginBodySchema = Type.Object({
  openid: Type.Optional(OpenidSchema),
  consent: Type.Optional(Type.Enum(['allow', 'deny', 'snapshot'])),
}, { ...strict, minProperties: 1 })

export const FailBodySchema = Type.Object({
  path: Type.String({ pattern: '^/(?!__control/)\\S*$', description: 'a WeChat path such as /sns/oauth2/access_token' }),
  errcode: Type.Optional(Type.Union([Type.Integer(), Type.Literal('timeout')])),
  errmsg: Type.Optional(Type.String({ minLength: 1 })),
  times: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })),
  delayMs: Type.Optional(Type.Integer({ minimum: 0, maximum: 600_000 })),
}, strict)

export const ExpireBodySchema = Type.Object({ what: Type.Enum(Object.values(ExpireKind)) }, strict)

export const CallsQuerySchema = Type.Object({ path: Type.Optional(Type.String()) })

export const CallSchema = Type.Object({
  time: Type.String(),
  method: Type.String(),
  path: Type.String(),
  query: Type.Record(Type.String(), Type.String()),
  profile: Type.String(),
  statusCode: Type.Optional(Type.Integer()),
})

export const ScanResultBodySchema = Type.Object({
  text: Type.String({ minLength: 1, maxLength: 2048, description: 'what the scanner reads: a URL, a product code, a barcode' }),
}, strict)

export const ShareSchema = Type.Object({
  api: Type.String(),
  title: Type.String(),
  desc: Type.Optional(Type.String()),
  link: Type.String(),
  imgUrl: Type.String(),
  pageUrl: Type.String(),
  client: Type.String(),
  at: Type.String(),
})

export const ControlErrorSchema = Type.Object({
  error: Type.Object({ code: Type.String(), message: Type.String() }),
})

export const InteractionBodySchema = Type.Object({
  openid: OpenidSchema,
  at: Type.Optional(Type.String({ format: 'date-time', description: 'when the user interacted (ISO 8601); now when left out' })),
  kind: Type.Optional(Type.Enum(Object.values(InteractionKind), { description: 'message (5 messages in 48 h, the default) or event (a click menu, follow or scan: 3 in 1 minute)' })),
}, strict)

export const SentMessageSchema = Type.Object({
  kind: Type.String(),
  touser: Type.String(),
  msgtype: Type.String(),
  body: Type.Record(Type.String(), Type.Unknown()),
  at: Type.String(),
})

export const PushBodySchema = Type.Object({
  xml: Type.Optional(Type.String({ minLength: 1, maxLength: 64 * 1024, description: 'the plaintext push XML, sent as written' })),
  fields: Type.Optional(Type.Record(Type.String(), Type.Unknown(), { description: 'a typed push: kind and the fields of @wxshop/shared/wechat-message PushMessage' })),
  mode: Type.Optional(Type.Enum(Object.values(MessageMode), { description: 'the 消息加解密方式 of this push; default WECHAT_MESSAGE_MODE' })),
}, strict)

const PushTrySchema = Type.Object({ status: Type.Union([Type.Integer(), Type.Null()]), ms: Type.Number(), error: Type.Optional(Type.String()) })

export const PushResultSchema = Type.Object({
  mode: Type.String(),
  xml: Type.String(),
  tries: Type.Array(PushTrySchema),
  delivered: Type.Boolean(),
  status: Type.Optional(Type.Integer()),
  answer: Type.Union([
    Type.Object({
      raw: Type.String(),
      empty: Type.Boolean(),
      success: Type.Boolean(),
      sealed: Type.Boolean(),
      xml: Type.Optional(Type.String()),
      reply: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
      problem: Type.Optional(Type.String()),
    }),
    Type.Null(),
  ]),
})
