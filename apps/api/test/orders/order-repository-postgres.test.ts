import { describe } from 'vitest'
import { connect } from '../../src/db/connect'
import { parseDatabaseUrl } from '../../src/db/database-url'
import { migrateToLatest } from '../../src/db/migrate'
import { describeOrderRepository } from './order-repository-suite'
import { dropAllTables, POSTGRES_SKIP_REASON, postgresUrl } from './postgres-target'

describe.skipIf(!postgresUrl)(postgresUrl ? 'orders on PostgreSQL' : `orders on PostgreSQL (${POSTGRES_SKIP_REASON})`, () => {
  const target = parseDatabaseUrl(postgresUrl ?? 'postgres://unset')
  describeOrderRepository('order repository on PostgreSQL', async () => {
    const db = await connect(target)
    await dropAllTables(db)
    await migrateToLatest(db)
    return db
  }, () => connect(target))
})
