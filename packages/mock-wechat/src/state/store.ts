import type { MockWechatConfig } from '../config'
import { createCallLog } from './call-log'
import { createExpiringMap } from './expiring-map'
import { createFaults } from './faults'
import type { CodeGrant, NextLogin, PendingAuthorization, RefreshGrant, UserTokenGrant } from './grants'
import { createPersonas } from './personas'

/**
 * Everything the mock remembers, in memory. Later areas (server tokens, JS-SDK tickets, pay) add
 * their own collections here and hook into `reset` and `expire` with `onReset` and `onExpire`.
 */
export function createStore(config: MockWechatConfig, now: () => number = Date.now) {
  const personas = createPersonas(config.appId, now)
  const codes = createExpiringMap<CodeGrant>(now)
  const userTokens = createExpiringMap<UserTokenGrant>(now)
  const refreshTokens = createExpiringMap<RefreshGrant>(now)
  const consentTickets = createExpiringMap<PendingAuthorization>(now)
  const calls = createCallLog()
  const faults = createFaults()
  let nextLogin: NextLogin | undefined

  const expirers = new Map<string, Array<() => number>>()
  const resetters: Array<() => void> = []

  /** Registers what `POST /__control/expire { what }` expires; several areas may share one name. */
  function onExpire(what: string, expire: () => number) {
    expirers.set(what, [...(expirers.get(what) ?? []), expire])
  }

  function onReset(reset: () => void) {
    resetters.push(reset)
  }

  onExpire('codes', () => codes.expireAll())
  onExpire('oauth_access_token', () => userTokens.expireAll())
  // `access_token` means every access token; the global cgi-bin token registers here too, later.
  onExpire('access_token', () => userTokens.expireAll())
  onExpire('refresh_token', () => refreshTokens.expireAll())
  // Placeholder until the JS-SDK area keeps tickets, so tests can already name it.
  onExpire('jsapi_ticket', () => 0)

  onReset(() => {
    for (const collection of [personas, codes, userTokens, refreshTokens, consentTickets, calls, faults])
      collection.clear()
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
    calls,
    faults,
    setNextLogin(login: NextLogin) {
      nextLogin = login
    },
    /** Returns the pending next-login and forgets it: it applies to one visit only. */
    takeNextLogin(): NextLogin | undefined {
      const login = nextLogin
      nextLogin = undefined
      return login
    },
    expirableKinds: () => [...expirers.keys()],
    /** Expires every live item of one kind now; undefined when the kind is unknown. */
    expire(what: string): number | undefined {
      const list = expirers.get(what)
      return list?.reduce((count, expire) => count + expire(), 0)
    },
    onExpire,
    onReset,
    reset() {
      for (const reset of resetters)
        reset()
    },
  }
}

export type Store = ReturnType<typeof createStore>
