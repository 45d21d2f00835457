import { isAbsolute, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { StartupError } from '../errors'
import { redactUrl } from '../lib/redact-url'

/** Where the data lives: a SQLite file (absolute path, or ':memory:') or a PostgreSQL server. */
export type DatabaseTarget
  = | { dialect: 'sqlite', file: string }
    | { dialect: 'postgres', url: string }

export const SQLITE_MEMORY = ':memory:'

/**
 * `file:./data/wxshop.db` (relative to `cwd`), `file:/abs/path.db`, `file:///abs/path.db`,
 * `file::memory:` (tests) or `postgres://…` / `postgresql://…`.
 */
export function parseDatabaseUrl(url: string, cwd: string = process.cwd()): DatabaseTarget {
  if (url === `file:${SQLITE_MEMORY}`)
    return { dialect: 'sqlite', file: SQLITE_MEMORY }
  if (url.startsWith('file:'))
    return { dialect: 'sqlite', file: sqlitePath(url, cwd) }
  if (/^postgres(?:ql)?:\/\//.test(url) && URL.canParse(url))
    return { dialect: 'postgres', url }
  throw invalid(url)
}

function sqlitePath(url: string, cwd: string): string {
  if (url.startsWith('file://')) {
    try {
      return fileURLToPath(url)
    } catch {
      throw invalid(url)
    }
  }
  const path = url.slice('file:'.length)
  if (path === '' || path.includes('?'))
    throw invalid(url)
  return isAbsolute(path) ? path : resolve(cwd, path)
}

function invalid(url: string): StartupError {
  return new StartupError(
    `DATABASE_URL must be file:<path> (SQLite), file::memory: or postgres://… (PostgreSQL), got ${JSON.stringify(redactUrl(url))}`,
  )
}
