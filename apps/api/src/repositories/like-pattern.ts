import { sql, type RawBuilder } from 'kysely'

/**
 * `column` contains `text`, case-insensitively, with `%`, `_` and `\` in the text matched literally.
 * lower() on both sides because PostgreSQL's LIKE is case-sensitive and SQLite's is not; the
 * explicit ESCAPE because SQLite has no default escape character. Both dialects read this SQL alike.
 */
export function containsText(column: string, text: string): RawBuilder<boolean> {
  const pattern = `%${text.toLowerCase().replace(/[\\%_]/g, '\\$&')}%`
  return sql<boolean>`lower(${sql.ref(column)}) like ${pattern} escape '\\'`
}
