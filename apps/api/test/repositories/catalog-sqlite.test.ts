import { join } from 'node:path'
import { afterAll } from 'vitest'
import { connect } from '../../src/db/connect'
import { migrateToLatest } from '../../src/db/migrate'
import { seedCatalog } from '../../src/db/seed/seed-catalog'
import { fixtureCatalog } from '../fixtures/catalog'
import { removeDir, tempDir } from '../helper'
import { describeCatalogRepositories } from './catalog-suite'

const dir = tempDir()
afterAll(() => removeDir(dir))

describeCatalogRepositories('catalog repositories on SQLite', async () => {
  const db = await connect({ dialect: 'sqlite', file: join(dir, 'catalog.db') })
  await migrateToLatest(db)
  await seedCatalog(db, fixtureCatalog)
  return db
})
