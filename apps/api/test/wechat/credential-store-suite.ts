import type { Kysely } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Database } from '../../src/db/schema'
import type { CredentialStore } from '../../src/wechat/credential-store'
import { createDbCredentialStore } from '../../src/wechat/db-credential-store'

const credential = (value: string, seconds = 7200) => {
  const fetchedAt = new Date()
  return { value, fetchedAt, expiresAt: new Date(fetchedAt.getTime() + seconds * 1000) }
}

/**
 * The database credential store's tests, run once per dialect. `open` hands back a migrated
 * database; `second`, when given, another connection to the same one (PostgreSQL: the fetch lock
 * is only visible between connections; on SQLite it is between processes, see token-service.test.ts).
 */
export function describeCredentialStore(name: string, open: () => Promise<Kysely<Database>>, second?: () => Promise<Kysely<Database>>): void {
  describe(name, () => {
    let db: Kysely<Database>
    let store: CredentialStore
    beforeAll(async () => {
      db = await open()
      store = createDbCredentialStore(db)
    })
    afterAll(async () => {
      await db?.destroy()
    })

    it('should keep one value per kind, the last one put', async () => {
      await store.put('access_token', credential('A1'))
      await store.put('access_token', credential('A2'))
      await store.put('jsapi_ticket', credential('T1'))
      expect((await store.get('access_token'))?.value).toBe('A2')
      expect((await store.get('jsapi_ticket'))?.value).toBe('T1')
    })

    it('should expire the stored value only when it is still the one that failed', async () => {
      await store.put('access_token', credential('B2'))
      expect(await store.compareAndExpire('access_token', 'B1')).toBe(false)
      expect((await store.get('access_token'))!.expiresAt.getTime()).toBeGreaterThan(Date.now())
      expect(await store.compareAndExpire('access_token', 'B2')).toBe(true)
      expect((await store.get('access_token'))!.expiresAt.getTime()).toBeLessThanOrEqual(Date.now())
    })

    it('should write through the locked store and keep what was written', async () => {
      await store.withFetchLock('jsapi_ticket', locked => locked.put('jsapi_ticket', credential('T2')))
      expect((await store.get('jsapi_ticket'))?.value).toBe('T2')
    })

    it.skipIf(!second)('should hold a second connection\'s fetch lock until the first one is done', async () => {
      const other = createDbCredentialStore(await second!())
      const order: string[] = []
      let release: () => void = () => {}
      const held = new Promise<void>(resolve => (release = resolve))
      let entered: () => void = () => {}
      const firstIn = new Promise<void>(resolve => (entered = resolve))
      const first = store.withFetchLock('access_token', async () => {
        entered()
        order.push('first in')
        await held
        order.push('first out')
      })
      await firstIn
      const later = other.withFetchLock('access_token', async () => {
        order.push('second in')
      })
      // give the second connection every chance to get in while the first holds the lock
      await new Promise(resolve => setTimeout(resolve, 200))
      release()
      await Promise.all([first, later])
      expect(order).toEqual(['first in', 'first out', 'second in'])
    })
  })
}
