import { sql, type Kysely } from 'kysely'
import type { Database } from '../../src/db/schema'

// PostgreSQL runs of the order tests: only when TEST_DATABASE_URL names a database they may wipe
// (as test/db/postgres.test.ts; see apps/api/README.md).

export const postgresUrl = process.env.TEST_DATABASE_URL
export const POSTGRES_SKIP_REASON = 'skipped: set TEST_DATABASE_URL=postgres://… to run against PostgreSQL'

/** Back to an empty database, as test/db/postgres.test.ts does it: every table a migration ever made, whatever the foreign keys. */
export async function dropAllTables(db: Kysely<Database>): Promise<void> {
  await sql`drop schema if exists public cascade`.execute(db)
  await sql`create schema public`.execute(db)
}
