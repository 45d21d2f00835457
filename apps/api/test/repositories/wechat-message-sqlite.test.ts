import { join } from 'node:path'
import { afterAll } from 'vitest'
import { connect } from '../../src/db/connect'
import { migrateToLatest } from '../../src/db/migrate'
import { removeDir, tempDir } from '../helper'
import { describeWechatMessageRepository } from './wechat-message-suite'

const dir = tempDir()
const target = { dialect: 'sqlite' as const, file: join(dir, 'messages.db') }
afterAll(() => removeDir(dir))

describeWechatMessageRepository('the message push table on SQLite', async () => {
  const db = await connect(target)
  await migrateToLatest(db)
  return db
}, () => connect(target))
