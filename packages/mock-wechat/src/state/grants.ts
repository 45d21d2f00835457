import type { OAuthScope } from '@wxshop/shared'

/** What the user granted on the authorize page, and what the codes and tokens derived from it carry. */

// WeChat's scope names; the union is the shop's one declaration (OAuthScope), not a second copy.
export const OauthScope = { Base: 'snsapi_base', Userinfo: 'snsapi_userinfo' } as const satisfies Record<string, OAuthScope>
export type OauthScope = OAuthScope

export const Consent = { Allow: 'allow', Deny: 'deny', Snapshot: 'snapshot' } as const
export type Consent = typeof Consent[keyof typeof Consent]

export const TTL = {
  /** "code只能使用一次，5分钟未被使用自动过期" */
  codeMs: 5 * 60 * 1000,
  /** expires_in of the web-authorisation access_token */
  accessTokenSeconds: 7200,
  /** "refresh_token拥有较长的有效期（30天）且无法续期" */
  refreshTokenMs: 30 * 24 * 3600 * 1000,
  /** how long a consent page may stay open before its buttons stop working (mock-only) */
  consentTicketMs: 30 * 60 * 1000,
} as const

interface Grant {
  appId: string
  openid: string
  scope: OauthScope
  /** A snapshot-page (快照页) grant: a virtual identity that must never be persisted. */
  snapshot: boolean
  /** The persona behind a snapshot's virtual openid; for the call log only, never answered. */
  personaOpenid: string
}

export interface CodeGrant extends Grant {
  usedAt?: number
}

export interface UserTokenGrant extends Grant {
  refreshToken: string
}

export interface RefreshGrant extends Grant {
  accessToken: string
}

/** An authorize request waiting on the consent page. */
export interface PendingAuthorization {
  appId: string
  redirectUri: string
  state: string
  scope: OauthScope
}

/** Set by `POST /__control/next-login`, consumed by the next authorize visit that gets past validation. */
export interface NextLogin {
  openid?: string
  consent?: Consent
}
