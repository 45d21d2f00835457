import { describe, expect, it } from 'vitest'
import { sql } from 'kysely'
import { connect } from '../../src/db/connect'
import { cachedPrepare } from '../../src/db/statement-cache'

/** A database whose prepare() records each SQL text it was asked to prepare. */
function recordingDatabase() {
  const prepared: string[] = []
  return {
    prepared,
    database: {
      prepare: (source: string) => {
        prepared.push(source)
        return { source }
      },
    },
  }
}

describe('cachedPrepare', () => {
  it('should prepare each SQL text once and hand the same statement back', () => {
    const { prepared, database } = recordingDatabase()
    const prepare = cachedPrepare(database)
    const first = prepare('select 1')
    expect(prepare('select 1')).toBe(first)
    prepare('select 2')
    expect(prepared).toEqual(['select 1', 'select 2'])
  })

  it('should drop the least recently used statement when full, not the most used one', () => {
    const { prepared, database } = recordingDatabase()
    const prepare = cachedPrepare(database, 2)
    prepare('a')
    prepare('b')
    prepare('a') // a is now the most recent
    prepare('c') // evicts b
    prepare('a')
    prepare('b')
    expect(prepared).toEqual(['a', 'b', 'c', 'b'])
  })
})

describe('a SQLite database with reused statements', () => {
  it('should answer a repeated query with fresh rows and parameters every time, in and out of transactions', async () => {
    const db = await connect({ dialect: 'sqlite', file: ':memory:' })
    await sql`create table t (id integer primary key, v text)`.execute(db)
    for (const v of ['a', 'b', 'c'])
      await sql`insert into t (v) values (${v})`.execute(db)
    const read = async (id: number) => (await sql<{ v: string }>`select v from t where id = ${id}`.execute(db)).rows[0]?.v
    expect([await read(1), await read(2), await read(3)]).toEqual(['a', 'b', 'c'])
    await db.transaction().execute(async (trx) => {
      await sql`update t set v = 'x' where id = ${2}`.execute(trx)
    })
    await expect(db.transaction().execute(async (trx) => {
      await sql`update t set v = 'y' where id = ${3}`.execute(trx)
      throw new Error('roll back')
    })).rejects.toThrow('roll back')
    expect([await read(1), await read(2), await read(3)]).toEqual(['a', 'x', 'c'])
    await db.destroy()
  })
})
