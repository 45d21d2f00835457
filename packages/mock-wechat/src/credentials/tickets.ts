import { newApiTicket } from '../state/ids'
import type { TicketType } from '../state/server-credentials'
import type { Store } from '../state/store'

export const TICKET_SECONDS = 7200

/**
 * cgi-bin/ticket/getticket for one type (jsapi, wx_card), with a token already checked.
 *
 * The rule, from the JS-SDK guide and what WeChat does (the guide says only "有效期为7200秒" and
 * "频繁刷新jsapi_ticket会导致api调用受限"): while the account's ticket of that type is live, every
 * fetch answers that same ticket, whichever token asks, and its expiry is NOT extended, although
 * `expires_in` always says 7200 (developers report both; a cache that trusts expires_in on a
 * re-fetch keeps the ticket too long). A fetch after it expired issues a new one. Issuing never
 * revokes an older ticket: each lives its own 7200 s. The grant records the token that fetched it.
 */
export function fetchTicket(store: Store, type: TicketType, accessToken: string): { ticket: string, expiresIn: number } {
  const current = store.credentials.currentTickets.get(type)
  const entry = current === undefined ? undefined : store.jsapiTickets.get(current)
  if (current !== undefined && entry && store.jsapiTickets.isLive(entry))
    return { ticket: current, expiresIn: TICKET_SECONDS }
  const ticket = newApiTicket()
  store.jsapiTickets.set(ticket, { appId: store.config.appId, accessToken, type }, TICKET_SECONDS * 1000)
  store.credentials.currentTickets.set(type, ticket)
  return { ticket, expiresIn: TICKET_SECONDS }
}

/** The live current ticket of one type, for `GET /__control/tokens`. */
export function currentTicket(store: Store, type: TicketType): string | null {
  const ticket = store.credentials.currentTickets.get(type)
  const entry = ticket === undefined ? undefined : store.jsapiTickets.get(ticket)
  return ticket !== undefined && entry && store.jsapiTickets.isLive(entry) ? ticket : null
}
