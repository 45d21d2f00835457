/**
 * Failed-login counting over a sliding window. The storage is behind `FailureStore` so that a Redis
 * implementation (a sorted set per key: ZADD, ZREMRANGEBYSCORE, ZRANGE, DEL) can replace the
 * in-memory one when several API instances must share the counts (REDIS_URL).
 */
export interface FailureStore {
  /** Records a failure at `at`; entries older than `at - windowMs` may be dropped. */
  add: (key: string, at: number, windowMs: number) => Promise<void>
  /** The failure times after `since`, oldest first. */
  recent: (key: string, since: number) => Promise<number[]>
  clear: (key: string) => Promise<void>
}

export interface LoginThrottleOptions {
  store?: FailureStore
  windowMs?: number
  /** failures allowed per phone within the window */
  perPhone?: number
  /** failures allowed per client IP within the window */
  perIp?: number
  now?: () => number
}

export type ThrottleVerdict = { allowed: true } | { allowed: false, retryAfterMs: number }

export interface LoginAttempt {
  phone: string
  ip: string
}

export function createLoginThrottle(options: LoginThrottleOptions = {}) {
  const store = options.store ?? createMemoryFailureStore()
  const windowMs = options.windowMs ?? 15 * 60 * 1000
  const now = options.now ?? Date.now
  const limits = (attempt: LoginAttempt) => [
    { key: `phone:${attempt.phone}`, limit: options.perPhone ?? 5 },
    { key: `ip:${attempt.ip}`, limit: options.perIp ?? 20 },
  ]

  return {
    /** Refused while a phone or IP has used up its failures; retryAfterMs is when the window frees one. */
    async check(attempt: LoginAttempt): Promise<ThrottleVerdict> {
      const at = now()
      let retryAfterMs = 0
      for (const { key, limit } of limits(attempt)) {
        const times = await store.recent(key, at - windowMs)
        if (times.length >= limit) {
          // the attempt becomes possible once enough of the oldest failures leave the window
          const freedAt = times[times.length - limit]! + windowMs
          retryAfterMs = Math.max(retryAfterMs, freedAt - at)
        }
      }
      return retryAfterMs > 0 ? { allowed: false, retryAfterMs } : { allowed: true }
    },

    async recordFailure(attempt: LoginAttempt): Promise<void> {
      const at = now()
      for (const { key } of limits(attempt))
        await store.add(key, at, windowMs)
    },

    /** A correct password clears the phone's count (the IP's stays: it may be guessing other phones). */
    async recordSuccess(attempt: LoginAttempt): Promise<void> {
      await store.clear(`phone:${attempt.phone}`)
    },
  }
}

export type LoginThrottle = ReturnType<typeof createLoginThrottle>

/** Sweep every this many additions, so keys nobody retries do not pile up. */
const SWEEP_EVERY = 1000

/** One process's memory: enough for a single instance. */
export function createMemoryFailureStore(): FailureStore {
  const failures = new Map<string, number[]>()
  let additions = 0

  function sweep(before: number): void {
    for (const [key, times] of failures) {
      if (times[times.length - 1]! <= before)
        failures.delete(key)
    }
  }

  return {
    async add(key, at, windowMs) {
      const times = (failures.get(key) ?? []).filter(time => time > at - windowMs)
      times.push(at)
      failures.set(key, times)
      if (++additions % SWEEP_EVERY === 0)
        sweep(at - windowMs)
    },
    async recent(key, since) {
      return (failures.get(key) ?? []).filter(time => time > since)
    },
    async clear(key) {
      failures.delete(key)
    },
  }
}
