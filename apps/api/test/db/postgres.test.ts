import type { Kysely } from 'kysely'
import { afterAll, describe, expect, it } from 'vitest'
import { connect } from '../../src/db/connect'
import { parseDatabaseUrl } from '../../src/db/database-url'
import { migrateToLatest } from '../../src/db/migrate'
import { openDatabase } from '../../src/db/open-database'
import type { Database } from '../../src/db/schema'
import { seedCatalog } from '../../src/db/seed/seed-catalog'
import { seedProducts } from '../../src/db/seed/catalog-data'
import { migrations } from '../../src/db/migrations'
import { fixtureCatalog } from '../fixtures/catalog'
import { newOpenid, wechatLogin } from '../auth-flow'
import { build } from '../helper'
import { sharedMockWechat } from '../mock-wechat'
import { describeAuthRepositories } from '../repositories/auth-suite'
import { describeCatalogRepositories } from '../repositories/catalog-suite'
import { describeWechatMessageRepository } from '../repositories/wechat-message-suite'
import { describeCredentialStore } from '../wechat/credential-store-suite'
import { tokenServiceInChildren } from '../wechat/token-children'
import { openInChildren } from './open-in-child'

// Runs only when TEST_DATABASE_URL names a PostgreSQL database these tests may wipe, e.g.
// TEST_DATABASE_URL=postgres://postgres@127.0.0.1:55432/wxshop_test (see apps/api/README.md).
const url = process.env.TEST_DATABASE_URL
const SKIP_REASON = 'skipped: set TEST_DATABASE_URL=postgres://… to run against PostgreSQL'
if (!url)
  console.info(`PostgreSQL tests ${SKIP_REASON}`)

describe.skipIf(!url)(url ? 'PostgreSQL' : `PostgreSQL (${SKIP_REASON})`, () => {
  const target = parseDatabaseUrl(url ?? 'postgres://unset')

  /** Back to an empty database: the tests own every table in it. */
  async function reset(db: Kysely<Database>): Promise<void> {
    // children before parents, for the foreign keys
    for (const table of ['wechat_messages', 'wechat_credentials', 'oauth_states', 'sessions', 'wechat_identities', 'accounts', 'products', 'categories', 'kysely_migration', 'kysely_migration_lock'])
      await db.schema.dropTable(table).ifExists().execute()
  }

  describeCatalogRepositories('catalog repositories on PostgreSQL', async () => {
    const db = await connect(target)
    await reset(db)
    await migrateToLatest(db)
    await seedCatalog(db, fixtureCatalog)
    return db
  })

  describeAuthRepositories('auth repositories on PostgreSQL', async () => {
    const db = await connect(target)
    await reset(db)
    await migrateToLatest(db)
    return db
  })

  describeWechatMessageRepository('the message push table on PostgreSQL', async () => {
    const db = await connect(target)
    await reset(db)
    await migrateToLatest(db)
    return db
  }, () => connect(target))

  const others: Kysely<Database>[] = []
  describeCredentialStore('the credential store on PostgreSQL', async () => {
    const db = await connect(target)
    await reset(db)
    await migrateToLatest(db)
    return db
  }, async () => {
    const other = await connect(target)
    others.push(other)
    return other
  })
  afterAll(async () => {
    for (const other of others.splice(0))
      await other.destroy()
  })

  it('should fetch the access_token and jsapi_ticket once when two API processes start cold on one database', async () => {
    const db = await connect(target)
    await reset(db)
    await migrateToLatest(db)
    await db.destroy()
    const mock = sharedMockWechat()
    await mock.control('POST', '/reset')
    const results = await tokenServiceInChildren(url!, mock.url, 2)
    expect(results[0]).toEqual(results[1])
    const fetches = async (path: string) => (await mock.control<{ count: number }>('GET', `/calls?path=${path}`)).count
    expect(await fetches('/cgi-bin/stable_token')).toBe(1)
    expect(await fetches('/cgi-bin/ticket/getticket')).toBe(1)
  })

  it('should migrate and seed once when opened twice', async () => {
    const first = await connect(target)
    await reset(first)
    await first.destroy()

    const db = await openDatabase(target, { seedDemo: true })
    await db.destroy()
    const again = await openDatabase(target, { seedDemo: true })
    try {
      expect(await migrateToLatest(again)).toEqual([])
      const { count } = await again.selectFrom('products').select(eb => eb.fn.countAll().as('count')).executeTakeFirstOrThrow()
      expect(Number(count)).toBe(seedProducts.length)
    } finally {
      await again.destroy()
    }
  })

  it('should migrate once and seed once when three instances open one empty database at the same time', async () => {
    const first = await connect(target)
    await reset(first)
    await first.destroy()

    const results = await openInChildren(url!, 3)
    expect(results.map(result => result.code), results.map(result => result.stderr).join('\n')).toEqual([0, 0, 0])
    expect(results.flatMap(result => result.applied).sort()).toEqual(Object.keys(migrations).sort())
    expect(results.filter(result => result.seeded)).toHaveLength(1)
    const db = await connect(target)
    try {
      const { count } = await db.selectFrom('products').select(eb => eb.fn.countAll().as('count')).executeTakeFirstOrThrow()
      expect(Number(count)).toBe(seedProducts.length)
    } finally {
      await db.destroy()
    }
  }, 30_000) // separate Node processes under tsx: seconds each to start on a busy machine

  it('should serve the catalog API when DATABASE_URL is postgres', async () => {
    const app = await build({ env: { DATABASE_URL: url, SEED_DEMO: 'true' } })
    try {
      const response = await app.inject({ url: '/api/products?pageSize=5&q=%25' })
      expect(response.statusCode).toBe(200)
      const health = await app.inject({ url: '/api/health' })
      expect(health.json()).toMatchObject({ status: 'ok', database: 'ok' })
      const list = await app.inject({ url: '/api/products?pageSize=50' })
      expect(list.json().total).toBe(seedProducts.length)
    } finally {
      await app.close()
    }
  })

  it('should log in through WeChat, register and log out when DATABASE_URL is postgres', async () => {
    const mock = sharedMockWechat()
    await mock.control('POST', '/reset')
    const app = await build({ env: { DATABASE_URL: url }, mock })
    try {
      const openid = newOpenid()
      await mock.control('PUT', `/users/${openid}`, { nickname: '小王' })
      const { browser, response } = await wechatLogin(app, mock, { openid, scope: 'snsapi_userinfo' })
      expect(response.json()).toMatchObject({ openid, scope: 'snsapi_userinfo', profile: { nickname: '小王' }, account: null })
      const registered = await browser.post('/api/account/register', { phone: '13700137000', password: 'secret123' })
      expect(registered.json()).toMatchObject({ account: { phone: '137****7000' } })
      expect((await browser.post('/api/auth/logout')).statusCode).toBe(200)
      const again = await wechatLogin(app, mock, { openid, browser })
      expect(again.response.json()).toMatchObject({ scope: 'snsapi_userinfo', account: null })
    } finally {
      await app.close()
    }
  })
})
