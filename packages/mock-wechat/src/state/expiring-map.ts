export interface Expiring<T> {
  value: T
  expiresAt: number
}

/**
 * A map whose entries expire, for codes, tokens and tickets. Expired entries stay for a while so
 * callers can tell "expired" (42001) from "never existed" (40001); they are purged a day later.
 */
export function createExpiringMap<T>(now: () => number) {
  const entries = new Map<string, Expiring<T>>()
  const keepExpiredMs = 24 * 3600 * 1000
  let writes = 0

  function purge() {
    const cutoff = now() - keepExpiredMs
    for (const [key, entry] of entries) {
      if (entry.expiresAt < cutoff)
        entries.delete(key)
    }
  }

  return {
    set(key: string, value: T, ttlMs: number): Expiring<T> {
      if (++writes % 100 === 0)
        purge()
      const entry = { value, expiresAt: now() + ttlMs }
      entries.set(key, entry)
      return entry
    },
    /** The entry, whether or not it has expired; use `isLive` to tell. */
    get(key: string): Expiring<T> | undefined {
      return entries.get(key)
    },
    isLive(entry: Expiring<T>): boolean {
      return entry.expiresAt > now()
    },
    /** Every entry, expired or not, with its key. */
    entries(): IterableIterator<[string, Expiring<T>]> {
      return entries.entries()
    },
    delete(key: string): void {
      entries.delete(key)
    },
    /** Expires every live entry now (`POST /__control/expire`); returns how many there were. */
    expireAll(): number {
      let count = 0
      for (const entry of entries.values()) {
        if (entry.expiresAt > now()) {
          entry.expiresAt = now()
          count++
        }
      }
      return count
    },
    clear(): void {
      entries.clear()
    },
  }
}

export type ExpiringMap<T> = ReturnType<typeof createExpiringMap<T>>
