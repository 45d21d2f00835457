import fp from 'fastify-plugin'
import type { Kysely } from 'kysely'
import type { DatabaseTarget } from '../db/database-url'
import { openDatabase } from '../db/open-database'
import type { Database } from '../db/schema'
import { createRepositories, inTransaction, type InTransaction, type Repositories } from '../db/transaction'
import type { AccountRepository } from '../repositories/account-repository'
import type { CategoryRepository } from '../repositories/category-repository'
import type { OAuthStateRepository } from '../repositories/oauth-state-repository'
import type { ProductRepository } from '../repositories/product-repository'
import type { SessionRepository } from '../repositories/session-repository'
import type { WechatIdentityRepository } from '../repositories/wechat-identity-repository'

declare module 'fastify' {
  interface FastifyInstance {
    db: Kysely<Database>
    /** every repository bound to `db`; the ones below are the same objects */
    repositories: Repositories
    /** `inTransaction(repositories => …)`: repositories bound to one transaction (db/transaction.ts) */
    inTransaction: InTransaction
    categoryRepository: CategoryRepository
    productRepository: ProductRepository
    accountRepository: AccountRepository
    wechatIdentityRepository: WechatIdentityRepository
    sessionRepository: SessionRepository
    oauthStateRepository: OAuthStateRepository
  }
}

export interface DbPluginOptions {
  database: DatabaseTarget
  /** load the demo catalog into an empty database (config.seedDemo) */
  seedDemo: boolean
}

/**
 * Opens the database (migrated, and seeded when asked) and hands routes the repositories built on
 * it. Routes use the repositories; several writes that belong together go through `inTransaction`;
 * `db` is there for health checks.
 */
export default fp<DbPluginOptions>(async function dbPlugin(fastify, options) {
  const db = await openDatabase(options.database, {
    seedDemo: options.seedDemo,
    onIdleError: err => fastify.log.warn({ err }, 'idle database connection failed'),
  })
  const repositories = createRepositories(db)
  fastify.decorate('db', db)
  fastify.decorate('repositories', repositories)
  fastify.decorate('inTransaction', work => inTransaction(db, work))
  fastify.decorate('categoryRepository', repositories.categories)
  fastify.decorate('productRepository', repositories.products)
  fastify.decorate('accountRepository', repositories.accounts)
  fastify.decorate('wechatIdentityRepository', repositories.wechatIdentities)
  fastify.decorate('sessionRepository', repositories.sessions)
  fastify.decorate('oauthStateRepository', repositories.oauthStates)
  fastify.addHook('onClose', async () => {
    await db.destroy()
  })
}, { name: 'db' })
