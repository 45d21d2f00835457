import type { MockWechatConfig } from '../config'
import { createCallLog } from './call-log'
import { createDevices } from './devices'
import { ExpireKind } from './expire-kinds'
import { createExpiringMap } from './expiring-map'
import { createFaults } from './faults'
import { createInteractions } from './interactions'
import { createMenus } from './menus'
import { createPayControls } from './pay-controls'
import { createPayOrders } from './pay-orders'
import { createPayTickets } from './pay-tickets'
import type { CodeGrant, NextLogin, PendingAuthorization, RefreshGrant, UserTokenGrant } from './grants'
import { createPersonas } from './personas'
import { createScanResults } from './scan-results'
import { createSentMessages } from './sent-messages'
import { createServerCredentials } from './server-credentials'
import { createShares } from './shares'

/**
 * Everything the mock remembers, in memory. The cgi-bin routes fill `accessTokens` and `jsapiTickets`;
 * later areas (pay, push) add their own collections here and hook into `reset` and `expire` with
 * `onReset` and `onExpire` (a new kind of `expire` is added to ExpireKind first).
 */
export function createStore(config: MockWechatConfig, now: () => number = Date.now) {
  const personas = createPersonas(config.appId, now)
  const codes = createExpiringMap<CodeGrant>(now)
  const userTokens = createExpiringMap<UserTokenGrant>(now)
  const refreshTokens = createExpiringMap<RefreshGrant>(now)
  const consentTickets = createExpiringMap<PendingAuthorization>(now)
  const credentials = createServerCredentials(now)
  const { accessTokens, jsapiTickets } = credentials
  const devices = createDevices()
  const calls = createCallLog()
  const faults = createFaults()
  const shares = createShares()
  const scanResults = createScanResults()
  const menus = createMenus()
  const interactions = createInteractions()
  const sentMessages = createSentMessages()
  const payOrders = createPayOrders(now)
  const payTickets = createPayTickets(now)
  const payControls = createPayControls()
  let nextLogin: NextLogin | undefined

  const expirers = new Map<ExpireKind, Array<() => number>>()
  const resetters: Array<(options: ResetOptions) => void> = []

  /** Registers what `POST /__control/expire { what }` expires; several areas may share one name. */
  function onExpire(what: ExpireKind, expire: () => number) {
    expirers.set(what, [...(expirers.get(what) ?? []), expire])
  }

  function onReset(reset: (options: ResetOptions) => void) {
    resetters.push(reset)
  }

  onExpire(ExpireKind.Codes, () => codes.expireAll())
  onExpire(ExpireKind.OauthAccessToken, () => userTokens.expireAll())
  onExpire(ExpireKind.OauthRefreshToken, () => refreshTokens.expireAll())
  // The server credentials: the current tokens and tickets then answer 42001 / a new fetch.
  onExpire(ExpireKind.AccessToken, () => accessTokens.expireAll())
  onExpire(ExpireKind.JsapiTicket, () => jsapiTickets.expireAll())
  onExpire(ExpireKind.PrepayId, () => payOrders.expirePrepays())

  onReset(({ keepServerCredentials }) => {
    for (const collection of [personas, codes, userTokens, refreshTokens, consentTickets, devices, calls, faults, shares, scanResults, menus, interactions, sentMessages, payOrders, payTickets, payControls])
      collection.clear()
    if (!keepServerCredentials) {
      accessTokens.clear()
      jsapiTickets.clear()
      credentials.clear()
    }
    nextLogin = undefined
  })

  return {
    config,
    now,
    personas,
    codes,
    userTokens,
    refreshTokens,
    consentTickets,
    /** The Official Account's global access_tokens (server-credentials.ts), apart from the users' OAuth tokens. */
    accessTokens,
    jsapiTickets,
    /** Which token and ticket is current, and the force_refresh history (server-credentials.ts). */
    credentials,
    /** Which persona each browser's in-page client plays (devices.ts). */
    devices,
    calls,
    faults,
    /** What pages set with updateAppMessageShareData / updateTimelineShareData (shares.ts). */
    shares,
    /** What the next wx.scanQRCode calls return (scan-results.ts). */
    scanResults,
    /** The custom menu (menus.ts); forgotten by reset, as a fresh account has none. */
    menus,
    /** When each user last interacted, for the customer-service 48-hour window (interactions.ts). */
    interactions,
    /** Customer-service and template messages the app sent (sent-messages.ts). */
    sentMessages,
    /** WeChat Pay's orders (pay-orders.ts), the open pay sheets (pay-tickets.ts) and the test switches (pay-controls.ts). */
    payOrders,
    payTickets,
    payControls,
    setNextLogin(login: NextLogin) {
      nextLogin = login
    },
    /** Returns the pending next-login and forgets it: it applies to one visit only. */
    takeNextLogin(): NextLogin | undefined {
      const login = nextLogin
      nextLogin = undefined
      return login
    },
    /** Expires every live item of one kind now; answers how many there were. */
    expire(what: ExpireKind): number {
      return (expirers.get(what) ?? []).reduce((count, expire) => count + expire(), 0)
    },
    onExpire,
    onReset,
    reset(options: ResetOptions = {}) {
      for (const reset of resetters)
        reset(options)
    },
  }
}

export type Store = ReturnType<typeof createStore>

export interface ResetOptions {
  /**
   * Keep the Official Account's access_tokens and jsapi_tickets (and which one is current): a shop
   * that runs across several tests holds them in its database, as it would against real WeChat,
   * which never forgets them.
   */
  keepServerCredentials?: boolean
}
