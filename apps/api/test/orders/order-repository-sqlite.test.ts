import { join } from 'node:path'
import { afterAll } from 'vitest'
import { connect } from '../../src/db/connect'
import { migrateToLatest } from '../../src/db/migrate'
import { removeDir, tempDir } from '../helper'
import { describeOrderRepository } from './order-repository-suite'

const dir = tempDir()
afterAll(() => removeDir(dir))
const file = join(dir, 'orders.db')

describeOrderRepository('order repository on SQLite', async () => {
  const db = await connect({ dialect: 'sqlite', file })
  await migrateToLatest(db)
  return db
})
