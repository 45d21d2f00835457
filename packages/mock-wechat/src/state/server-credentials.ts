import { createExpiringMap } from './expiring-map'

/**
 * A global access_token (cgi-bin/token, cgi-bin/stable_token): the Official Account's server
 * credential, a different thing from the users' OAuth tokens (sns/oauth2/access_token), at WeChat and here.
 */
export interface AccessTokenGrant {
  appId: string
  /** Set when a newer fetch replaced this token: it stays valid about 5 more minutes, then answers 40001. */
  replacedAt?: number
}

/** A jsapi_ticket (cgi-bin/ticket/getticket?type=jsapi) and the access_token that fetched it. */
export interface JsapiTicketGrant {
  appId: string
  accessToken: string
}

/**
 * Where the server credentials live. Empty until the token service's routes issue them;
 * `POST /__control/expire { what: 'access_token' | 'jsapi_ticket' }` already acts on exactly these.
 */
export function createServerCredentials(now: () => number) {
  return {
    accessTokens: createExpiringMap<AccessTokenGrant>(now),
    jsapiTickets: createExpiringMap<JsapiTicketGrant>(now),
  }
}
