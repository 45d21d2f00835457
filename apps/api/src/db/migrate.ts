import type { Kysely } from 'kysely'
import { Migrator } from 'kysely/migration'
import { StartupError } from '../errors'
import { migrations } from './migrations'
import type { Database } from './schema'

/**
 * Applies pending migrations; returns the names applied now (empty when already up to date).
 * Several instances may start at once: on PostgreSQL Kysely's Migrator holds an advisory lock
 * (pg_advisory_lock) while it reads and applies, so the others wait and then find nothing to do;
 * on SQLite they run in one transaction that begins IMMEDIATE (connect.ts: Kysely alone would use
 * neither), which takes the file's write lock first.
 */
export async function migrateToLatest(db: Kysely<Database>): Promise<string[]> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } })
  const { error, results = [] } = await migrator.migrateToLatest()
  if (error) {
    const failed = results.find(result => result.status === 'Error')?.migrationName ?? 'setup'
    throw new StartupError(`database migration ${failed} failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error })
  }
  return results.filter(result => result.status === 'Success').map(result => result.migrationName)
}
