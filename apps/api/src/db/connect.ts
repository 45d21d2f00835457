import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import { CompiledQuery, Kysely, PostgresDialect, SqliteAdapter, SqliteDialect, sql, type DatabaseConnection, type DialectAdapter, type Driver } from 'kysely'
import Sqlite from 'libsql'
import pg from 'pg'
import { StartupError } from '../errors'
import { redactUrl } from '../lib/redact-url'
import { SQLITE_MEMORY, type DatabaseTarget } from './database-url'
import type { Database } from './schema'
import { cachedPrepare } from './statement-cache'

export interface ConnectOptions {
  /** Where to report errors of idle PostgreSQL connections (they reconnect on the next query). */
  onIdleError?: (err: Error) => void
}

/** Opens the database and proves it answers, or throws a StartupError naming DATABASE_URL. */
export async function connect(target: DatabaseTarget, options: ConnectOptions = {}): Promise<Kysely<Database>> {
  const db = target.dialect === 'sqlite' ? openSqlite(target.file) : openPostgres(target.url, options)
  try {
    await sql`select 1`.execute(db)
    return db
  } catch (err) {
    await db.destroy().catch(() => {})
    throw new StartupError(`DATABASE_URL: cannot reach ${describe(target)} (${reason(err)})`, { cause: err })
  }
}

function openSqlite(file: string): Kysely<Database> {
  if (file !== SQLITE_MEMORY) {
    try {
      mkdirSync(dirname(file), { recursive: true })
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code
      const why = code === 'EEXIST' || code === 'ENOTDIR' ? 'it or a parent is a file, not a directory' : reason(err)
      throw new StartupError(`DATABASE_URL: cannot create the directory ${dirname(file)} for the SQLite file (${why})`, { cause: err })
    }
  }
  try {
    const database = new Sqlite(file)
    // Wait for another process's write lock instead of failing at once with SQLITE_BUSY. First:
    // switching a new file to WAL takes that lock too, so two processes opening it at once collide there.
    database.pragma('busy_timeout = 5000')
    // WAL lets readers carry on while one write commits; ignored (stays "memory") for :memory:.
    database.pragma('journal_mode = WAL')
    database.pragma('foreign_keys = ON')
    const prepare = cachedPrepare(database)
    return new Kysely<Database>({
      dialect: new ImmediateSqliteDialect({
        database: {
          prepare,
          close: () => {
            if (!database.open)
              return
            // libsql frees the connection only when its cached statements are garbage-collected,
            // which an exiting process never waits for: fold the WAL back into the file now.
            if (file !== SQLITE_MEMORY)
              database.pragma('wal_checkpoint(TRUNCATE)')
            database.close()
          },
        },
      }),
    })
  } catch (err) {
    throw new StartupError(`DATABASE_URL: cannot open the SQLite file ${file} (${reason(err)})`, { cause: err })
  }
}

/**
 * SQLite for several processes on one file (two instances starting together):
 * - transactions take the write lock when they begin. A plain (deferred) BEGIN reads first and asks
 *   for the lock at its first write; if another process committed in between, that upgrade fails at
 *   once with SQLITE_BUSY (busy_timeout cannot help). BEGIN IMMEDIATE waits its turn instead.
 * - migrations run in one such transaction. Kysely's SQLite adapter says DDL is not transactional
 *   (SQLite's is) and so runs them with no transaction and no lock: a second instance would apply
 *   001 again and fail with "table already exists".
 */
class TransactionalDdlSqliteAdapter extends SqliteAdapter {
  override get supportsTransactionalDdl(): boolean {
    return true
  }
}

class ImmediateSqliteDialect extends SqliteDialect {
  override createAdapter(): DialectAdapter {
    return new TransactionalDdlSqliteAdapter()
  }

  override createDriver(): Driver {
    const driver = super.createDriver()
    driver.beginTransaction = async (connection: DatabaseConnection) => {
      await connection.executeQuery(CompiledQuery.raw('begin immediate'))
    }
    return driver
  }
}

function openPostgres(url: string, options: ConnectOptions): Kysely<Database> {
  const pool = new pg.Pool({ connectionString: url, max: 10, connectionTimeoutMillis: 5000 })
  // Without a listener an idle client's error (e.g. the server restarting) would crash the process.
  pool.on('error', err => options.onIdleError?.(err))
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) })
}

function describe(target: DatabaseTarget): string {
  return target.dialect === 'sqlite' ? `the SQLite file ${target.file}` : `PostgreSQL at ${redactUrl(target.url)}`
}

/** Node's connection errors can be AggregateErrors with an empty message but a code. */
function reason(err: unknown): string {
  const { code, message } = err as NodeJS.ErrnoException
  if (code && message && !message.startsWith(code))
    return `${code}: ${message}`
  return message || code || String(err)
}
