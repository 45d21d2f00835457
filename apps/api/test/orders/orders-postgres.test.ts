import { describe } from 'vitest'
import { connect } from '../../src/db/connect'
import { parseDatabaseUrl } from '../../src/db/database-url'
import { describeOrderRoutes } from './orders-routes-suite'
import { dropAllTables, POSTGRES_SKIP_REASON, postgresUrl } from './postgres-target'

describe.skipIf(!postgresUrl)(postgresUrl ? 'orders API on PostgreSQL' : `orders API on PostgreSQL (${POSTGRES_SKIP_REASON})`, () => {
  describeOrderRoutes('/api/orders on PostgreSQL', { DATABASE_URL: postgresUrl ?? '' }, async () => {
    const db = await connect(parseDatabaseUrl(postgresUrl ?? 'postgres://unset'))
    try {
      await dropAllTables(db)
    } finally {
      await db.destroy()
    }
  })
})
