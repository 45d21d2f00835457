import { join } from 'node:path'
import { afterAll } from 'vitest'
import { connect } from '../../src/db/connect'
import { migrateToLatest } from '../../src/db/migrate'
import { removeDir, tempDir } from '../helper'
import { describeAuthRepositories } from './auth-suite'

const dir = tempDir()
afterAll(() => removeDir(dir))

describeAuthRepositories('auth repositories on SQLite', async () => {
  const db = await connect({ dialect: 'sqlite', file: join(dir, 'auth.db') })
  await migrateToLatest(db)
  return db
})
