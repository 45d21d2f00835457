/**
 * What `POST /__control/expire { what }` can expire. `access_token` is the Official Account's global
 * token, as WeChat's docs use the word; the users' OAuth tokens have names of their own.
 */
export const ExpireKind = {
  Codes: 'codes',
  OauthAccessToken: 'oauth_access_token',
  OauthRefreshToken: 'oauth_refresh_token',
  AccessToken: 'access_token',
  JsapiTicket: 'jsapi_ticket',
  /** WeChat Pay's prepay_ids: the client then refuses them, and unified order issues new ones. */
  PrepayId: 'prepay_id',
} as const
export type ExpireKind = typeof ExpireKind[keyof typeof ExpireKind]
