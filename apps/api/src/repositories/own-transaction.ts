import type { Kysely, Transaction } from 'kysely'
import { inTransaction } from '../db/transaction'
import type { Database } from '../db/schema'

/**
 * Runs `work` in a transaction: the caller's, when `db` already is one (so a caller can fold this
 * work into a larger unit, e.g. pay's notify), else a new one through `inTransaction`.
 */
export function withinTransaction<T>(db: Kysely<Database>, work: (trx: Kysely<Database>) => Promise<T>): Promise<T> {
  if (db.isTransaction)
    return work(db as Transaction<Database>)
  return inTransaction(db, (_repositories, trx) => work(trx))
}
