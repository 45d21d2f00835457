import { chmodSync, mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { sql } from 'kysely'
import { afterEach, describe, expect, it } from 'vitest'
import { seedCategories, seedProducts } from '../../src/db/seed/catalog-data'
import { migrateToLatest } from '../../src/db/migrate'
import { openDatabase } from '../../src/db/open-database'
import { migrations } from '../../src/db/migrations'
import { build, LIVE_ENV, removeDir, tempDir } from '../helper'
import { openInChildren } from './open-in-child'

describe('openDatabase', () => {
  const dirs: string[] = []
  const dir = () => {
    const made = tempDir()
    dirs.push(made)
    return made
  }
  afterEach(() => dirs.splice(0).forEach(removeDir))

  it('should create the directory, migrate and seed the catalog when the file is new', async () => {
    const file = join(dir(), 'deep', 'er', 'shop.db')
    const db = await openDatabase({ dialect: 'sqlite', file }, { seedDemo: true })
    try {
      const categories = await db.selectFrom('categories').select('slug').orderBy('sort_order').execute()
      expect(categories.map(row => row.slug)).toEqual([...seedCategories].sort((a, b) => a.sortOrder - b.sortOrder).map(c => c.slug))
      const products = await db.selectFrom('products').select(['slug', 'images']).orderBy('id').execute()
      expect(products.map(row => row.slug)).toEqual(seedProducts.map(p => p.slug))
      expect(JSON.parse(products[0]!.images)).toEqual(seedProducts[0]!.images)
    } finally {
      await db.destroy()
    }
  })

  it('should migrate and seed an in-memory database when given file::memory:', async () => {
    const db = await openDatabase({ dialect: 'sqlite', file: ':memory:' }, { seedDemo: true })
    try {
      const { count } = await db.selectFrom('products').select(eb => eb.fn.countAll().as('count')).executeTakeFirstOrThrow()
      expect(Number(count)).toBe(seedProducts.length)
    } finally {
      await db.destroy()
    }
  })

  it('should migrate but leave the catalog empty when the demo seed is not asked for', async () => {
    const db = await openDatabase({ dialect: 'sqlite', file: join(dir(), 'shop.db') })
    try {
      expect(await db.selectFrom('categories').select('id').execute()).toEqual([])
      expect(await migrateToLatest(db)).toEqual([])
    } finally {
      await db.destroy()
    }
  })

  it('should migrate once and seed once when two processes open one new SQLite file at the same time', async () => {
    const file = join(dir(), 'shared.db')
    const results = await openInChildren(`file:${file}`, 2)
    expect(results.map(result => result.code), results.map(result => result.stderr).join('\n')).toEqual([0, 0])
    // each process reports the migrations it applied: together exactly one full set
    const applied = results.flatMap(result => result.applied)
    expect(applied.sort()).toEqual(Object.keys(migrations).sort())
    expect(results.map(result => result.seeded).sort()).toEqual([false, true])
    const db = await openDatabase({ dialect: 'sqlite', file })
    try {
      const { count } = await db.selectFrom('products').select(eb => eb.fn.countAll().as('count')).executeTakeFirstOrThrow()
      expect(Number(count)).toBe(seedProducts.length)
    } finally {
      await db.destroy()
    }
  }, 30_000) // separate Node processes under tsx: seconds each to start on a busy machine

  it('should enable WAL and foreign keys when opening a SQLite file', async () => {
    const db = await openDatabase({ dialect: 'sqlite', file: join(dir(), 'shop.db') })
    try {
      const { rows: [mode] } = await sql<{ journal_mode: string }>`pragma journal_mode`.execute(db)
      const { rows: [keys] } = await sql<{ foreign_keys: number }>`pragma foreign_keys`.execute(db)
      expect(mode?.journal_mode).toBe('wal')
      expect(keys?.foreign_keys).toBe(1)
      await expect(db.insertInto('products').values({
        category_id: 999, slug: 'orphan', name: 'x', subtitle: '', description: '', price_fen: 1,
        original_price_fen: null, stock: 0, sales: 0, images: '[]', created_at: new Date().toISOString(),
      }).execute()).rejects.toThrow(/FOREIGN KEY/)
    } finally {
      await db.destroy()
    }
  })

  it('should not migrate or seed again when the app restarts on the same file', async () => {
    const shared = dir()
    const first = await build({ dir: shared })
    const before = (await first.inject({ url: '/api/products?pageSize=50' })).json()
    await first.close()

    const second = await build({ dir: shared })
    try {
      const after = (await second.inject({ url: '/api/products?pageSize=50' })).json()
      expect(after.total).toBe(seedProducts.length)
      expect(after).toEqual(before)
      expect(await migrateToLatest(second.db)).toEqual([])
      const { count } = await second.db.selectFrom('categories').select(eb => eb.fn.countAll().as('count')).executeTakeFirstOrThrow()
      expect(Number(count)).toBe(seedCategories.length)
    } finally {
      await second.close()
    }
  })

  it('should name DATABASE_URL when the SQLite path runs through a regular file', async () => {
    const parent = join(dir(), 'not-a-directory')
    writeFileSync(parent, 'just a file')
    await expect(openDatabase({ dialect: 'sqlite', file: join(parent, 'deeper', 'shop.db') }))
      .rejects.toThrow(`DATABASE_URL: cannot create the directory ${join(parent, 'deeper')} for the SQLite file (it or a parent is a file, not a directory)`)
    await expect(openDatabase({ dialect: 'sqlite', file: join(parent, 'shop.db') }))
      .rejects.toThrow(`DATABASE_URL: cannot create the directory ${parent} for the SQLite file (it or a parent is a file, not a directory)`)
  })

  it('should name DATABASE_URL when the file is not a SQLite database', async () => {
    const file = join(dir(), 'garbage.db')
    writeFileSync(file, 'this is not a database, just some text that is long enough '.repeat(100))
    await expect(openDatabase({ dialect: 'sqlite', file })).rejects.toThrow(/^DATABASE_URL: cannot (open|reach) the SQLite file .*garbage\.db/)
  })

  // root may write anywhere, so only an unprivileged user can see this failure
  it.skipIf(process.getuid?.() === 0)('should name DATABASE_URL when the directory is not writable', async () => {
    const locked = join(dir(), 'locked')
    mkdirSync(locked, { mode: 0o500 })
    try {
      await expect(openDatabase({ dialect: 'sqlite', file: join(locked, 'sub', 'shop.db') })).rejects.toThrow(/^DATABASE_URL: cannot create the directory .*EACCES/)
    } finally {
      chmodSync(locked, 0o700)
    }
  })

  it('should name DATABASE_URL without its password when PostgreSQL is unreachable', async () => {
    const attempt = openDatabase({ dialect: 'postgres', url: 'postgres://shop:hunter2@127.0.0.1:1/shop' })
    await expect(attempt).rejects.toThrow('DATABASE_URL: cannot reach PostgreSQL at postgres://shop:***@127.0.0.1:1/shop (ECONNREFUSED')
    await expect(attempt).rejects.not.toThrow('hunter2')
  })
})

describe('the demo catalog at start', () => {
  it('should start a live-mode shop with an empty catalog unless SEED_DEMO=true', async () => {
    const live = await build({ env: LIVE_ENV })
    try {
      expect((await live.inject({ url: '/api/products' })).json().total).toBe(0)
    } finally {
      await live.close()
    }
    const seeded = await build({ env: { ...LIVE_ENV, SEED_DEMO: 'true' } })
    try {
      expect((await seeded.inject({ url: '/api/products' })).json().total).toBe(seedProducts.length)
    } finally {
      await seeded.close()
    }
  })
})
