import { Type, type Static } from 'typebox'

/** WeChat signs no longer page URLs than this; ours are far shorter. Counted in characters. */
export const JSSDK_URL_MAX_LENGTH = 2048

/** GET /api/jssdk/config?url=: the page URL wx.config runs on (its #fragment is ignored). */
export const JssdkConfigQuerySchema = Type.Object({
  url: Type.String({ minLength: 1, maxLength: JSSDK_URL_MAX_LENGTH }),
})
export type JssdkConfigQuery = Static<typeof JssdkConfigQuerySchema>

/** What `wx.config` takes, signed for one URL (debug is the page's choice). */
export const JssdkConfigSchema = Type.Object({
  appId: Type.String(),
  /** seconds since the epoch, as signed */
  timestamp: Type.Integer(),
  nonceStr: Type.String(),
  signature: Type.String(),
  jsApiList: Type.Array(Type.String()),
})
export type JssdkConfig = Static<typeof JssdkConfigSchema>
