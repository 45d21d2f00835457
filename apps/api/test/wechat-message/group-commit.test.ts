import { join } from 'node:path'
import type { Kysely } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { connect } from '../../src/db/connect'
import { migrateToLatest } from '../../src/db/migrate'
import type { Database } from '../../src/db/schema'
import type { GroupWork } from '../../src/db/group-commit'
import { inTransaction } from '../../src/db/transaction'
import { createWechatMessageRepository } from '../../src/repositories/wechat-message-repository'
import { createGroupCommitMessages } from '../../src/wechat/message/group-commit'
import { removeDir, tempDir } from '../helper'

const dir = tempDir()
let db: Kysely<Database>
let other: Kysely<Database>
let serial = 0
const push = (key = `msg:${++serial}`) => ({ dedupeKey: key, kind: 'text', fromOpenid: 'oUser1', scene: null, fields: { Content: '你好' }, receivedAt: new Date('2025-03-01T08:00:00.000Z') })

beforeAll(async () => {
  const target = { dialect: 'sqlite' as const, file: join(dir, 'group-commit.db') }
  db = await connect(target)
  await migrateToLatest(db)
  other = await connect(target)
})
afterAll(async () => {
  await other.destroy()
  await db.destroy()
  removeDir(dir)
})

describe('the push table with group commit', () => {
  it('should have every one of 20 concurrent claims stored (seen from another connection) when its claim resolves, in fewer transactions than claims', async () => {
    let transactions = 0
    const messages = createGroupCommitMessages(createWechatMessageRepository(db), (work) => {
      transactions += 1
      return inTransaction(db, work)
    })
    const pushes = Array.from({ length: 20 }, () => push())
    const claims = await Promise.all(pushes.map(message => messages.claim(message).then(async (claimed) => {
      // at the moment a claim resolves, another process already sees the row: stored before answered
      const seen = await createWechatMessageRepository(other).find(message.dedupeKey)
      return { claimed, seen: seen?.status }
    })))
    expect(claims).toEqual(pushes.map(() => ({ claimed: true, seen: 'received' })))
    expect(transactions).toBeLessThan(20)
  })

  it('should let only one of 8 concurrent claims of one push own it, inside one batch too', async () => {
    const messages = createGroupCommitMessages(createWechatMessageRepository(db), work => inTransaction(db, work))
    const message = push()
    const claims = await Promise.all(Array.from({ length: 8 }, () => messages.claim(message)))
    expect(claims.filter(Boolean)).toHaveLength(1)
  })

  it('should report no claim stored when its transaction does not commit', async () => {
    const failing = <T>(work: GroupWork<T>): Promise<T> => inTransaction(db, async (repositories, trx) => {
      await work(repositories, trx)
      throw new Error('the disk is full')
    })
    const messages = createGroupCommitMessages(createWechatMessageRepository(db), failing)
    const message = push()
    await expect(messages.claim(message)).rejects.toThrow('the disk is full')
    expect(await createWechatMessageRepository(other).find(message.dedupeKey)).toBeUndefined()
  })
})
