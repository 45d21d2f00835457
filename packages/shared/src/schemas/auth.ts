import { Type, type Static } from 'typebox'
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, PHONE_PATTERN } from '../account-rules'
import { RETURN_PATH_MAX_LENGTH, RETURN_PATH_PATTERN } from '../return-path'

export const OAuthScopeSchema = Type.Union([Type.Literal('snsapi_base'), Type.Literal('snsapi_userinfo')])
export type OAuthScope = Static<typeof OAuthScopeSchema>

/**
 * Where to come back to after authorisation: a path on our own origin (optionally with query and
 * `#/hash-route`). The rule, and what it refuses, is in return-path.ts (`isSafeReturnPath`).
 */
export const ReturnToSchema = Type.String({ minLength: 1, maxLength: RETURN_PATH_MAX_LENGTH, pattern: RETURN_PATH_PATTERN })

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
  profile: Type.Union([WechatProfileSchema, Type.Null()]),
  account: Type.Union([AccountSummarySchema, Type.Null()]),
  /**
   * Whether the user follows the Official Account (WeChat's user/info). null = unknown: WeChat did
   * not answer in time, or the answer is not the /api/me one (login answers, snapshot users).
   */
  subscribed: Type.Union([Type.Boolean(), Type.Null()]),
})
export type Me = Static<typeof MeSchema>

// maxLength counts code points (ajv's default), as account-rules.ts does.
const Phone = Type.String({ pattern: PHONE_PATTERN, description: 'mainland China mobile number, 11 digits' })
const Password = Type.String({ minLength: PASSWORD_MIN_LENGTH, maxLength: PASSWORD_MAX_LENGTH })

export const RegisterRequestSchema = Type.Object({ phone: Phone, password: Password })
export type RegisterRequest = Static<typeof RegisterRequestSchema>

export const LoginRequestSchema = Type.Object({ phone: Phone, password: Type.String({ minLength: 1, maxLength: PASSWORD_MAX_LENGTH }) })
export type LoginRequest = Static<typeof LoginRequestSchema>

export const OkSchema = Type.Object({ ok: Type.Literal(true) })
export type Ok = Static<typeof OkSchema>
