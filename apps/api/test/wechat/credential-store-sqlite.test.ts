import { join } from 'node:path'
import { afterAll } from 'vitest'
import { connect } from '../../src/db/connect'
import { migrateToLatest } from '../../src/db/migrate'
import { removeDir, tempDir } from '../helper'
import { describeCredentialStore } from './credential-store-suite'

const dir = tempDir()
afterAll(() => removeDir(dir))

describeCredentialStore('the credential store on SQLite', async () => {
  const db = await connect({ dialect: 'sqlite', file: join(dir, 'credentials.db') })
  await migrateToLatest(db)
  return db
})
