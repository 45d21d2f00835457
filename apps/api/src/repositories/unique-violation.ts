/**
 * Whether a failed write broke a unique index or primary key: PostgreSQL says SQLSTATE 23505,
 * libsql says SQLITE_CONSTRAINT_UNIQUE (or _PRIMARYKEY). Lets a repository turn a lost race
 * into a normal answer instead of a 500.
 */
export function isUniqueViolation(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY'
}
