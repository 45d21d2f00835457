import type { Kysely } from 'kysely'
import { connect, type ConnectOptions } from './connect'
import type { DatabaseTarget } from './database-url'
import { migrateToLatest } from './migrate'
import type { Database } from './schema'
import { seedCatalog } from './seed/seed-catalog'

export interface OpenDatabaseOptions extends ConnectOptions {
  /** load the demo catalog when the catalog is empty */
  seedDemo?: boolean
}

/**
 * Connects, applies pending migrations and, when asked, seeds an empty catalog: everything
 * start-up needs. Safe for several instances starting at once on one database: the migrator
 * and the seed each take a lock (see migrate.ts and seed-catalog.ts).
 */
export async function openDatabase(target: DatabaseTarget, options: OpenDatabaseOptions = {}): Promise<Kysely<Database>> {
  const db = await connect(target, options)
  try {
    await migrateToLatest(db)
    if (options.seedDemo)
      await seedCatalog(db)
    return db
  } catch (err) {
    await db.destroy().catch(() => {})
    throw err
  }
}
