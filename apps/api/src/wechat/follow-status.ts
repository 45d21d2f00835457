import type { WechatServerApi } from './server-api'
import type { CallContext } from './token-service'

export interface FollowStatusOptions {
  api: WechatServerApi
  /** how long an answer is reused: following changes rarely, and user/info has a daily quota */
  ttlMs?: number
  /** how long "unknown" (WeChat failed) is reused, so a WeChat outage does not cost a call per page */
  failureTtlMs?: number
  /** how long /api/me waits for a cold lookup before it answers null (the lookup carries on) */
  waitMs?: number
  /** entries kept; the oldest go first */
  maxEntries?: number
  now?: () => number
}

interface Entry { subscribed: boolean | null, expiresAt: number }

/**
 * Whether a user follows the Official Account, from user/info through the server-API client.
 *
 * Cached in this process's memory per openid: a few minutes' staleness is fine for a follow prompt,
 * and each instance asking WeChat for its own users costs little. (A shared cache can come with Redis.)
 *
 * /api/me must never fail or crawl because of WeChat, so a cold lookup is awaited for `waitMs` at
 * most (WeChat usually answers in tens of ms, so a user almost always gets a real answer), after
 * which null is answered and the lookup finishes in the background to fill the cache for the next
 * request. Any failure is null.
 */
export function createFollowStatus(options: FollowStatusOptions) {
  const ttlMs = options.ttlMs ?? 5 * 60 * 1000
  const failureTtlMs = options.failureTtlMs ?? 30 * 1000
  const waitMs = options.waitMs ?? 1000
  const maxEntries = options.maxEntries ?? 10_000
  const now = options.now ?? Date.now
  const cache = new Map<string, Entry>()
  const inFlight = new Map<string, Promise<boolean | null>>()

  function remember(openid: string, subscribed: boolean | null) {
    cache.delete(openid)
    if (cache.size >= maxEntries)
      cache.delete(cache.keys().next().value as string)
    cache.set(openid, { subscribed, expiresAt: now() + (subscribed === null ? failureTtlMs : ttlMs) })
  }

  function lookUp(openid: string, context: CallContext): Promise<boolean | null> {
    let pending = inFlight.get(openid)
    if (!pending) {
      pending = options.api.get('/cgi-bin/user/info', { openid, lang: 'zh_CN' }, context)
        .then(info => info.subscribe === 1, (err: unknown) => {
          context.log?.warn({ err, caller: context.caller }, 'follow status unknown: WeChat user/info failed')
          return null
        })
        .then((subscribed) => {
          remember(openid, subscribed)
          return subscribed
        })
        .finally(() => inFlight.delete(openid))
      inFlight.set(openid, pending)
    }
    return pending
  }

  return {
    async subscribed(openid: string, context: CallContext = {}): Promise<boolean | null> {
      const entry = cache.get(openid)
      if (entry && entry.expiresAt > now())
        return entry.subscribed
      let timer: NodeJS.Timeout | undefined
      const deadline = new Promise<null>(resolve => (timer = setTimeout(resolve, waitMs, null)))
      try {
        return await Promise.race([lookUp(openid, context), deadline])
      } finally {
        clearTimeout(timer)
      }
    },
  }
}

export type FollowStatus = ReturnType<typeof createFollowStatus>
