import type { Kysely } from 'kysely'
import { afterAll, beforeAll, describe, it } from 'vitest'
import { connect } from '../../src/db/connect'
import { parseDatabaseUrl } from '../../src/db/database-url'
import { migrateToLatest } from '../../src/db/migrate'
import type { Database } from '../../src/db/schema'
import { expectProcessesShareTheLastUnits } from './order-race'
import { describeOrderRepository } from './order-repository-suite'
import { dropAllTables, POSTGRES_SKIP_REASON, postgresUrl } from './postgres-target'

describe.skipIf(!postgresUrl)(postgresUrl ? 'orders on PostgreSQL' : `orders on PostgreSQL (${POSTGRES_SKIP_REASON})`, () => {
  const target = parseDatabaseUrl(postgresUrl ?? 'postgres://unset')
  async function emptyDatabase(): Promise<Kysely<Database>> {
    const db = await connect(target)
    await dropAllTables(db)
    await migrateToLatest(db)
    return db
  }

  describeOrderRepository('order repository on PostgreSQL', emptyDatabase, () => connect(target))

  describe('orders from several processes on one PostgreSQL database', () => {
    let db: Kysely<Database>
    beforeAll(async () => {
      db = await emptyDatabase()
    })
    afterAll(async () => {
      await db?.destroy()
    })

    it('should sell exactly the stock and never below zero when several API processes race for the last units', async () => {
      await expectProcessesShareTheLastUnits(db, postgresUrl!)
    }, 60_000) // separate Node processes under tsx: seconds each to start on a busy machine
  })
})
