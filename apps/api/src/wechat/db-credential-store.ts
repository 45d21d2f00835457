import { PostgresAdapter, sql, type Kysely } from 'kysely'
import type { Database } from '../db/schema'
import { inTransaction } from '../db/transaction'
import { createWechatCredentialRepository } from '../repositories/wechat-credential-repository'
import type { CredentialStore, WechatCredentialKind } from './credential-store'

/** pg_advisory_xact_lock keys, one per kind; any two constants no other lock of ours uses. */
const ADVISORY_KEYS: Record<WechatCredentialKind, number> = { access_token: 0x77786301, jsapi_ticket: 0x77786302 }

/**
 * The credential store on the app's database. The fetch lock is a transaction around "read, else
 * fetch and store", so a second process waits and then finds the fresh value instead of fetching:
 * - PostgreSQL: pg_advisory_xact_lock, released when the transaction ends;
 * - SQLite: the transaction itself, which begins IMMEDIATE (db/connect.ts) and so holds the file's
 *   write lock. It also holds the process's one connection, so other queries wait for the fetch
 *   (one WeChat call, at most the transport's timeout); the token service backs off outside it.
 */
export function createDbCredentialStore(db: Kysely<Database>, now: () => Date = () => new Date()): CredentialStore {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter
  const wechatCredentials = createWechatCredentialRepository(db)
  return {
    get: kind => wechatCredentials.get(kind),
    put: (kind, credential) => wechatCredentials.put(kind, credential),
    compareAndExpire: (kind, value) => wechatCredentials.compareAndExpire(kind, value, now()),
    withFetchLock: (kind, fn) => inTransaction(db, async (repositories, trx) => {
      if (postgres)
        await sql`select pg_advisory_xact_lock(${ADVISORY_KEYS[kind]})`.execute(trx)
      return fn({
        get: k => repositories.wechatCredentials.get(k),
        put: (k, credential) => repositories.wechatCredentials.put(k, credential),
      })
    }),
  }
}
