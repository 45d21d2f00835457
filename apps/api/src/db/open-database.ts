import type { Kysely } from 'kysely'
import { connect, type ConnectOptions } from './connect'
import type { DatabaseTarget } from './database-url'
import { migrateToLatest } from './migrate'
import type { Database } from './schema'
import { seedCatalog } from './seed/seed-catalog'

/** Connects, applies pending migrations and seeds an empty catalog: everything start-up needs. */
export async function openDatabase(target: DatabaseTarget, options: ConnectOptions = {}): Promise<Kysely<Database>> {
  const db = await connect(target, options)
  try {
    await migrateToLatest(db)
    await seedCatalog(db)
    return db
  } catch (err) {
    await db.destroy().catch(() => {})
    throw err
  }
}
