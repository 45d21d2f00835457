/**
 * Sliding-window attempt counting, reserve first: an attempt is counted BEFORE the work it guards
 * (argon2, a database probe) and refunded afterwards if it should not count. Checking first and
 * recording after let 60 simultaneous guesses all pass the check while the first was still hashing.
 *
 * The storage is behind `FailureStore` so a Redis implementation can replace the in-memory one when
 * several API instances must share the counts (REDIS_URL): `add` is one MULTI of ZREMRANGEBYSCORE,
 * ZADD, ZRANGE WITHSCORES and PEXPIRE on a sorted set per key; `remove` is ZREM; `clear` is DEL.
 */
import { normalizeIP } from '@fastify/rate-limit'

/**
 * The address a limit counts: IPv4 as is (IPv4-mapped IPv6 as IPv4), IPv6 by its /64, since one
 * subscriber is usually handed a whole /64 and could otherwise take a fresh address per guess.
 */
export function addressKey(ip: string): string {
  return normalizeIP(ip, 64)
}

export interface FailureStore {
  /**
   * Atomically records entry `id` at time `at` under `key`, forgets entries at or before
   * `at - windowMs`, and answers the times of the entries left (this one included), oldest first.
   * Two concurrent calls must never both miss each other's entry.
   */
  add: (key: string, id: string, at: number, windowMs: number) => Promise<number[]>
  /** Forgets one entry: a refunded reservation. */
  remove: (key: string, id: string) => Promise<void>
  clear: (key: string) => Promise<void>
}

export interface Limit {
  key: string
  /** attempts allowed within the window */
  limit: number
  windowMs: number
}

export interface Granted {
  allowed: true
  /** Takes the attempt back from every count, as if it never happened. */
  refund: () => Promise<void>
}
export interface Refused {
  allowed: false
  /** when the tightest limit frees an attempt */
  retryAfterMs: number
}
export type Reservation = Granted | Refused

export interface AttemptLimiterOptions {
  store?: FailureStore
  now?: () => number
}

let sequence = 0

export function createAttemptLimiter(options: AttemptLimiterOptions = {}) {
  const store = options.store ?? createMemoryFailureStore()
  const now = options.now ?? Date.now

  return {
    store,
    /**
     * Counts the attempt against every limit at once. Over any limit, it is refused and takes
     * nothing: a refused attempt ran no check, and counting it would let a flood keep the window
     * full for good.
     */
    async reserve(limits: Limit[]): Promise<Reservation> {
      const at = now()
      const id = `${at}-${++sequence}`
      let retryAfterMs = 0
      for (const { key, limit, windowMs } of limits) {
        const times = await store.add(key, id, at, windowMs)
        if (times.length > limit) {
          // possible again once enough of the oldest entries (ours excluded) leave the window
          const freedAt = times[times.length - 1 - limit]! + windowMs
          retryAfterMs = Math.max(retryAfterMs, freedAt - at, 1)
        }
      }
      const refund = async () => {
        for (const { key } of limits)
          await store.remove(key, id)
      }
      if (retryAfterMs > 0) {
        await refund()
        return { allowed: false, retryAfterMs }
      }
      return { allowed: true, refund }
    },
  }
}

export type AttemptLimiter = ReturnType<typeof createAttemptLimiter>

/** Sweep every this many additions, so keys nobody retries do not pile up. */
const SWEEP_EVERY = 1000

/**
 * One process's memory: enough for a single instance. Every operation runs without an await in
 * between, so it is atomic within the process.
 */
export function createMemoryFailureStore(): FailureStore {
  const entries = new Map<string, { times: Map<string, number>, windowMs: number }>()
  let additions = 0

  function sweep(at: number): void {
    for (const [key, entry] of entries) {
      for (const [id, time] of entry.times) {
        if (time <= at - entry.windowMs)
          entry.times.delete(id)
      }
      if (entry.times.size === 0)
        entries.delete(key)
    }
  }

  return {
    async add(key, id, at, windowMs) {
      const entry = entries.get(key) ?? { times: new Map<string, number>(), windowMs }
      entry.windowMs = windowMs
      for (const [old, time] of entry.times) {
        if (time <= at - windowMs)
          entry.times.delete(old)
      }
      entry.times.set(id, at)
      entries.set(key, entry)
      if (++additions % SWEEP_EVERY === 0)
        sweep(at)
      return [...entry.times.values()].sort((a, b) => a - b)
    },
    async remove(key, id) {
      entries.get(key)?.times.delete(id)
    },
    async clear(key) {
      entries.delete(key)
    },
  }
}
