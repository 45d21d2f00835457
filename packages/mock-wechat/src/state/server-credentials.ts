import { createExpiringMap } from './expiring-map'

/**
 * Which interface issued a global access_token. WeChat keeps the two apart: "与 getAccessToken
 * 获取的调用凭证完全隔离，互不影响" (getStableAccessToken), so each has its own current token.
 */
export const TokenSource = { Token: 'cgi-bin/token', Stable: 'cgi-bin/stable_token' } as const
export type TokenSource = typeof TokenSource[keyof typeof TokenSource]

/**
 * A global access_token (cgi-bin/token, cgi-bin/stable_token): the Official Account's server
 * credential, a different thing from the users' OAuth tokens (sns/oauth2/access_token), at WeChat and here.
 */
export interface AccessTokenGrant {
  appId: string
  source: TokenSource
  /** Set when a newer fetch replaced this token: it stays valid about 5 more minutes, then answers 40001. */
  replacedAt?: number
}

export const TicketType = { Jsapi: 'jsapi', Card: 'wx_card' } as const
export type TicketType = typeof TicketType[keyof typeof TicketType]

/** A jsapi_ticket (cgi-bin/ticket/getticket?type=jsapi) and the access_token that fetched it. */
export interface JsapiTicketGrant {
  appId: string
  accessToken: string
  type: TicketType
}

/**
 * Where the server credentials live: every token and ticket issued (so an old one still answers
 * 40001 or 42001 rather than "unknown"), which one is current per interface and per ticket type,
 * and when stable_token's force_refresh was used (its daily and 30-second limits).
 * `POST /__control/expire { what: 'access_token' | 'jsapi_ticket' }` acts on `accessTokens` / `jsapiTickets`.
 */
export function createServerCredentials(now: () => number) {
  const currentTokens = new Map<TokenSource, string>()
  const currentTickets = new Map<TicketType, string>()
  const forceRefreshes: number[] = []
  return {
    accessTokens: createExpiringMap<AccessTokenGrant>(now),
    /** Tickets of every type; `expire jsapi_ticket` expires the wx_card ones too, as both are tickets. */
    jsapiTickets: createExpiringMap<JsapiTicketGrant>(now),
    currentTokens,
    currentTickets,
    /** The times of successful stable_token force refreshes, oldest first. */
    forceRefreshes,
    /** Forgets the pointers and counters; the maps are cleared by the store with the other collections. */
    clear() {
      currentTokens.clear()
      currentTickets.clear()
      forceRefreshes.length = 0
    },
  }
}

export type ServerCredentials = ReturnType<typeof createServerCredentials>
