import { Type, type Static } from 'typebox'

export const WechatModeSchema = Type.Union([Type.Literal('mock'), Type.Literal('live')])
export type WechatMode = Static<typeof WechatModeSchema>

/** Public client configuration. Never holds a secret: it is served to every browser. */
export const PublicConfigSchema = Type.Object({
  appId: Type.String(),
  mode: WechatModeSchema,
  jsApiList: Type.Array(Type.String()),
  shopName: Type.String(),
})
export type PublicConfig = Static<typeof PublicConfigSchema>

export const HealthSchema = Type.Object({
  status: Type.Literal('ok'),
  database: Type.Literal('ok'),
  uptimeSeconds: Type.Number(),
})
export type Health = Static<typeof HealthSchema>
