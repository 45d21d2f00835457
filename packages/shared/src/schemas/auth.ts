import { Type, type Static } from 'typebox'

export const OAuthScopeSchema = Type.Union([Type.Literal('snsapi_base'), Type.Literal('snsapi_userinfo')])
export type OAuthScope = Static<typeof OAuthScopeSchema>

/**
 * Where to come back to after authorisation: a path on our own origin (optionally with query and
 * `#/hash-route`). Never `//host` or an absolute URL: that would make us an open redirect.
 */
export const ReturnToSchema = Type.String({ minLength: 1, maxLength: 1024, pattern: '^/(?![/\\\\])[^\\s]*$' })

export const AuthorizeRequestSchema = Type.Object({
  scope: OAuthScopeSchema,
  returnTo: ReturnToSchema,
})
export type AuthorizeRequest = Static<typeof AuthorizeRequestSchema>

export const AuthorizeResponseSchema = Type.Object({
  url: Type.String({ description: 'the WeChat authorize URL to location.replace() to' }),
})
export type AuthorizeResponse = Static<typeof AuthorizeResponseSchema>

export const CodeExchangeRequestSchema = Type.Object({
  code: Type.String({ minLength: 1, maxLength: 256 }),
  state: Type.String({ minLength: 1, maxLength: 128 }),
})
export type CodeExchangeRequest = Static<typeof CodeExchangeRequestSchema>

/** The WeChat profile, present only when the user granted snsapi_userinfo. */
export const WechatProfileSchema = Type.Object({
  nickname: Type.String(),
  headimgurl: Type.String(),
  sex: Type.Integer({ description: '0 unknown, 1 male, 2 female' }),
  province: Type.String(),
  city: Type.String(),
  country: Type.String(),
})
export type WechatProfile = Static<typeof WechatProfileSchema>

export const AccountSummarySchema = Type.Object({
  id: Type.Integer({ minimum: 1 }),
  /** masked for display: 138****8000 */
  phone: Type.String(),
})
export type AccountSummary = Static<typeof AccountSummarySchema>

export const MeSchema = Type.Object({
  openid: Type.String(),
  scope: OAuthScopeSchema,
  /** a 快照页 virtual identity: browse only, never stored or bound */
  snapshot: Type.Boolean(),
  bound: Type.Boolean(),
  profile: Type.Union([WechatProfileSchema, Type.Null()]),
  account: Type.Union([AccountSummarySchema, Type.Null()]),
})
export type Me = Static<typeof MeSchema>

const Phone = Type.String({ pattern: '^1[3-9][0-9]{9}$', description: 'mainland China mobile number, 11 digits' })
const Password = Type.String({ minLength: 8, maxLength: 64 })

export const RegisterRequestSchema = Type.Object({ phone: Phone, password: Password })
export type RegisterRequest = Static<typeof RegisterRequestSchema>

export const LoginRequestSchema = Type.Object({ phone: Phone, password: Type.String({ minLength: 1, maxLength: 64 }) })
export type LoginRequest = Static<typeof LoginRequestSchema>

export const OkSchema = Type.Object({ ok: Type.Literal(true) })
export type Ok = Static<typeof OkSchema>
