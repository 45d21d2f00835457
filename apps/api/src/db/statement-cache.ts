// Kysely's SQLite driver prepares every statement anew, BEGIN and COMMIT included, and preparing
// (parsing and planning the SQL) cost about as much as running the short statements the API issues:
// `prepare` was 8 % of the message endpoint's profile under load (docs/PERFORMANCE.md). The same few
// dozen SQL texts repeat forever, so each prepared statement is kept and reused, least recently used
// dropped first. Safe because Kysely runs one statement at a time on the one SQLite connection
// (its connection mutex), so a cached statement is never in use twice at once.

export interface Preparer<S> {
  prepare: (source: string) => S
}

/** `prepare` with the last `capacity` statements kept by their SQL text. */
export function cachedPrepare<S>(database: Preparer<S>, capacity = 256): (source: string) => S {
  const statements = new Map<string, S>()
  return (source) => {
    const cached = statements.get(source)
    if (cached !== undefined) {
      // a Map keeps insertion order: re-inserting marks it most recently used
      statements.delete(source)
      statements.set(source, cached)
      return cached
    }
    const statement = database.prepare(source)
    statements.set(source, statement)
    if (statements.size > capacity)
      statements.delete(statements.keys().next().value!)
    return statement
  }
}
