import { join } from 'node:path'
import type { Kysely } from 'kysely'
import { afterAll, beforeAll, describe, it } from 'vitest'
import { connect } from '../../src/db/connect'
import { migrateToLatest } from '../../src/db/migrate'
import type { Database } from '../../src/db/schema'
import { removeDir, tempDir } from '../helper'
import { expectProcessesShareTheLastUnits } from './order-race'

describe('orders from several processes on one SQLite file', () => {
  const dir = tempDir()
  const file = join(dir, 'race.db')
  let db: Kysely<Database>
  beforeAll(async () => {
    db = await connect({ dialect: 'sqlite', file })
    await migrateToLatest(db)
  })
  afterAll(async () => {
    await db?.destroy()
    removeDir(dir)
  })

  it('should sell exactly the stock and never below zero when several API processes race for the last units', async () => {
    await expectProcessesShareTheLastUnits(db, `file:${file}`)
  }, 60_000) // separate Node processes under tsx: seconds each to start on a busy machine
})
