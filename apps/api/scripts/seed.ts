import { loadConfig } from '../src/config'
import { openDatabase } from '../src/db/open-database'
import { seedCatalog } from '../src/db/seed/seed-catalog'

// `pnpm --filter @wxshop/api run seed`: migrates DATABASE_URL and loads the demo catalog if the
// catalog is empty, once, whatever the mode (SEED_DEMO decides only what start-up does).
const config = loadConfig()
const db = await openDatabase(config.database)
try {
  const seeded = await seedCatalog(db)
  console.info(seeded ? 'demo catalog loaded' : 'the catalog is not empty: nothing loaded')
} finally {
  await db.destroy()
}
