// Direct access to the e2e run's SQLite file, for states a shopper can only reach by waiting
// (a session that expired after 30 days). Everything else goes through the app.
import { join } from 'node:path'
import Database from 'libsql'
import { RUN_DIR } from './servers'

/** Moves every session of this browser's cookie into the past, as if 30 days had gone by. */
export function expireAllSessions(): number {
  const db = new Database(join(RUN_DIR, 'wxshop.db'))
  try {
    const past = new Date(Date.now() - 60_000).toISOString()
    return db.prepare('update sessions set expires_at = ?').run(past).changes
  } finally {
    db.close()
  }
}
