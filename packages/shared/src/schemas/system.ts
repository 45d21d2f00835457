import { Type, type Static } from 'typebox'

export const WechatModeSchema = Type.Union([Type.Literal('mock'), Type.Literal('live')])
export type WechatMode = Static<typeof WechatModeSchema>

/** Public client configuration. Never holds a secret: it is served to every browser. */
export const PublicConfigSchema = Type.Object({
  appId: Type.String(),
  mode: WechatModeSchema,
  jsApiList: Type.Array(Type.String()),
  shopName: Type.String(),
  /** The origin users see (PUBLIC_URL): share links and their images are built on it, the JS safe domain. */
  publicUrl: Type.String(),
  /** The Official Account's QR code image for the follow prompt, or null when none is configured. */
  followQrUrl: Type.Union([Type.String(), Type.Null()]),
  /**
   * The registered JSAPI pay directory (the API's config.pay.directory), or null when pay is not
   * configured. The SPA enters the pay page by a full load when the URL the client checks is outside it.
   */
  payDirectory: Type.Union([Type.String(), Type.Null()]),
})
export type PublicConfig = Static<typeof PublicConfigSchema>

export const HealthSchema = Type.Object({
  status: Type.Literal('ok'),
  database: Type.Literal('ok'),
  uptimeSeconds: Type.Number(),
})
export type Health = Static<typeof HealthSchema>
