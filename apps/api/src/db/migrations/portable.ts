import { PostgresAdapter, type ColumnDefinitionBuilder, type Kysely } from 'kysely'

// The one column SQLite and PostgreSQL spell differently. Migrations share this helper, so
// change it only in ways that leave already-applied migrations meaning the same.

/** An auto-numbered integer primary key. */
export function idColumn(db: Kysely<unknown>) {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter
  return (column: ColumnDefinitionBuilder) =>
    postgres ? column.primaryKey().generatedByDefaultAsIdentity() : column.primaryKey().autoIncrement()
}
