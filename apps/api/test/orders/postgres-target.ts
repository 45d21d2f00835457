import { sql, type Kysely } from 'kysely'
import type { Database } from '../../src/db/schema'

// PostgreSQL runs of the order tests: only when TEST_DATABASE_URL names a database they may wipe
// (as test/db/postgres.test.ts; see apps/api/README.md).

export const postgresUrl = process.env.TEST_DATABASE_URL
export const POSTGRES_SKIP_REASON = 'skipped: set TEST_DATABASE_URL=postgres://… to run against PostgreSQL'

/** Back to an empty database: every table of the current schema, dependents included, so new migrations need no edit here. */
export async function dropAllTables(db: Kysely<Database>): Promise<void> {
  const { rows } = await sql<{ tablename: string }>`select tablename from pg_tables where schemaname = current_schema()`.execute(db)
  for (const { tablename } of rows)
    await sql`drop table if exists ${sql.table(tablename)} cascade`.execute(db)
}
