import type { FastifyBaseLogger } from 'fastify'
import { DEFAULT_BACKOFF, withBackoff, type BackoffOptions } from './backoff'
import type { CredentialStore, StoredCredential, WechatCredentialKind } from './credential-store'
import type { WechatTransport } from './transport'
import { IP_NOT_WHITELISTED, WechatApiError, WechatUnavailableError } from './wechat-error'

/**
 * The one owner of the Official Account's access_token and jsapi_ticket (seed 002: every caller must
 * share one token from one interface, or fetches replace each other's token, 互刷). Layers, fastest
 * first: this process's memory, the store (database: survives a restart, shared by instances), and
 * one fetch under the store's lock, shared by every request that waits (single-flight).
 */

/** stable_token (the default) or cgi-bin/token: WeChat keeps their tokens apart, so one per app. */
export type TokenApi = 'stable' | 'token'

/** WeChat's "this access_token is not (or no longer) good": unknown/not latest, malformed, expired. */
export const TOKEN_REFUSED_ERRCODES: ReadonlySet<number> = new Set([40001, 40014, 42001])

/**
 * Refresh this long before WeChat's expiry: stable_token hands out a new token only in the last
 * 5 minutes ("普通模式下平台会提前5分钟更新"), and a call in flight must not carry a token that
 * expires on the way. A credential that arrives with less life than twice this is used for half of
 * what it has left, so a token fetched near its end is not refetched on every request.
 */
export const REFRESH_MARGIN_MS = 5 * 60 * 1000

export type TokenLog = Pick<FastifyBaseLogger, 'debug' | 'info' | 'warn' | 'error'>

export interface CallContext {
  /** the request's logger, so the lines carry its request id */
  log?: TokenLog
  /** who needed the credential (a route or an API path), named in the logs, e.g. for a 40164 */
  caller?: string
}

export interface TokenServiceOptions {
  appId: string
  appSecret: string
  api: TokenApi
  transport: WechatTransport
  store: CredentialStore
  log: TokenLog
  backoff?: BackoffOptions
  now?: () => Date
}

export function createTokenService(options: TokenServiceOptions) {
  const { transport, store } = options
  const now = options.now ?? (() => new Date())
  const backoff = options.backoff ?? DEFAULT_BACKOFF
  const memory = new Map<WechatCredentialKind, StoredCredential>()
  const inFlight = new Map<WechatCredentialKind, Promise<string>>()

  function usable(credential: StoredCredential | null | undefined): credential is StoredCredential {
    if (!credential)
      return false
    const lifetime = credential.expiresAt.getTime() - credential.fetchedAt.getTime()
    const margin = Math.min(REFRESH_MARGIN_MS, lifetime / 2)
    return now().getTime() < credential.expiresAt.getTime() - margin
  }

  /** The memory copy, else one shared load for every caller that waits meanwhile. */
  function current(kind: WechatCredentialKind, load: () => Promise<string>): Promise<string> {
    const cached = memory.get(kind)
    if (usable(cached))
      return Promise.resolve(cached.value)
    let pending = inFlight.get(kind)
    if (!pending) {
      pending = load().finally(() => inFlight.delete(kind))
      inFlight.set(kind, pending)
    }
    return pending
  }

  /** The stored value if another instance (or our last life) left a fresh one; else null. */
  async function fromStore(kind: WechatCredentialKind): Promise<string | null> {
    const stored = await store.get(kind)
    if (!usable(stored))
      return null
    memory.set(kind, stored)
    return stored.value
  }

  /**
   * "Read, else fetch and store" under the store's lock, so of two instances starting cold only one
   * fetches. Backoff waits happen outside the lock (each attempt takes it anew).
   */
  async function fetchUnderLock(kind: WechatCredentialKind, fetch: () => Promise<StoredCredential>): Promise<string> {
    const credential = await withBackoff(backoff, () => store.withFetchLock(kind, async (locked) => {
      const stored = await locked.get(kind)
      if (usable(stored))
        return stored
      const fetched = await fetch()
      await locked.put(kind, fetched)
      return fetched
    }))
    memory.set(kind, credential)
    return credential.value
  }

  /** One fetch from WeChat, logged with its outcome (never the value, never the secret). */
  async function fetchLogged(kind: WechatCredentialKind, path: string, context: CallContext, call: () => Promise<Record<string, unknown>>, field: string): Promise<StoredCredential> {
    const log = context.log ?? options.log
    const started = performance.now()
    const ms = () => Math.round(performance.now() - started)
    try {
      const body = await call()
      const value = body[field]
      const expiresIn = body.expires_in
      if (typeof value !== 'string' || value === '' || typeof expiresIn !== 'number' || expiresIn <= 0)
        throw new WechatUnavailableError(path, `the answer has no ${field} and expires_in`)
      const fetchedAt = now()
      log.info({ credential: kind, path, caller: context.caller, outcome: 'fetched', expiresIn, ms: ms() }, 'WeChat credential fetched')
      return { value, fetchedAt, expiresAt: new Date(fetchedAt.getTime() + expiresIn * 1000) }
    } catch (err) {
      if (err instanceof WechatApiError) {
        if (err.errcode === IP_NOT_WHITELISTED) {
          // WeChat names the refused address in errmsg ("invalid ip 1.2.3.4 ipv6 …"): that is what to whitelist
          const ip = /invalid ip (\S+)/.exec(err.errmsg)?.[1] ?? null
          log.error({ credential: kind, path, caller: context.caller, outcome: err.errcode, whitelist: ip, ms: ms() },
            `WeChat refused the ${kind} fetch (40164): add ${ip ?? 'this server\'s outbound IP'} to the Official Account's IP whitelist`)
        } else {
          log.error({ credential: kind, path, caller: context.caller, outcome: err.errcode, errmsg: err.errmsg, ms: ms() }, 'WeChat credential fetch refused')
        }
      } else if (err instanceof WechatUnavailableError) {
        log.warn({ credential: kind, path, caller: context.caller, outcome: 'unavailable', reason: err.message, ms: ms() }, 'WeChat credential fetch failed')
      }
      throw err
    }
  }

  function fetchAccessToken(context: CallContext): Promise<StoredCredential> {
    const credentials = { grant_type: 'client_credential', appid: options.appId, secret: options.appSecret }
    if (options.api === 'stable') {
      const path = '/cgi-bin/stable_token'
      // normal mode (no force_refresh): WeChat answers the live token, so instances never 互刷
      return fetchLogged('access_token', path, context, () => transport.json({ base: 'api', method: 'POST', path, body: { json: credentials }, log: context.log }), 'access_token')
    }
    const path = '/cgi-bin/token'
    return fetchLogged('access_token', path, context, () => transport.json({ base: 'api', path, query: credentials, log: context.log }), 'access_token')
  }

  function accessToken(context: CallContext = {}): Promise<string> {
    return current('access_token', async () =>
      await fromStore('access_token') ?? fetchUnderLock('access_token', () => fetchAccessToken(context)))
  }

  /** A call that used `token` was told it is not good: forget it, unless someone already replaced it. */
  async function expireAccessToken(token: string, context: CallContext = {}): Promise<void> {
    if (memory.get('access_token')?.value === token)
      memory.delete('access_token')
    const expired = await store.compareAndExpire('access_token', token)
    ;(context.log ?? options.log).warn({ credential: 'access_token', caller: context.caller, expired }, expired
      ? 'WeChat refused the stored access_token: expired it, fetching a new one'
      : 'WeChat refused an access_token that was already replaced: using the stored one')
  }

  /**
   * Runs `call` with the current access_token; when WeChat says the token is not good (40001,
   * 40014, 42001), expires it (compare-and-expire) and runs `call` once more with a fresh one.
   */
  async function withAccessToken<T>(context: CallContext, call: (token: string) => Promise<T>): Promise<T> {
    const token = await accessToken(context)
    try {
      return await call(token)
    } catch (err) {
      if (!(err instanceof WechatApiError) || !TOKEN_REFUSED_ERRCODES.has(err.errcode))
        throw err
      await expireAccessToken(token, context)
      return call(await accessToken(context))
    }
  }

  function jsapiTicket(context: CallContext = {}): Promise<string> {
    const path = '/cgi-bin/ticket/getticket'
    return current('jsapi_ticket', async () =>
      // the token is taken before the ticket's lock: on SQLite the lock holds the one connection
      await fromStore('jsapi_ticket') ?? withAccessToken(context, token => fetchUnderLock('jsapi_ticket', () =>
        fetchLogged('jsapi_ticket', path, context, () => transport.json({ base: 'api', path, query: { access_token: token, type: 'jsapi' }, log: context.log }), 'ticket'))))
  }

  return { accessToken, jsapiTicket, withAccessToken, expireAccessToken }
}

export type TokenService = ReturnType<typeof createTokenService>
