import fp from 'fastify-plugin'
import type { Kysely } from 'kysely'
import type { DatabaseTarget } from '../db/database-url'
import { openDatabase } from '../db/open-database'
import type { Database } from '../db/schema'
import { createAccountRepository, type AccountRepository } from '../repositories/account-repository'
import { createCategoryRepository, type CategoryRepository } from '../repositories/category-repository'
import { createOAuthStateRepository, type OAuthStateRepository } from '../repositories/oauth-state-repository'
import { createProductRepository, type ProductRepository } from '../repositories/product-repository'
import { createSessionRepository, type SessionRepository } from '../repositories/session-repository'
import { createWechatIdentityRepository, type WechatIdentityRepository } from '../repositories/wechat-identity-repository'

declare module 'fastify' {
  interface FastifyInstance {
    db: Kysely<Database>
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
}

/**
 * Opens the database (migrated and seeded) and hands routes the repositories built on it.
 * Routes use the repositories; `db` is there for health checks and later transactions.
 */
export default fp<DbPluginOptions>(async function dbPlugin(fastify, options) {
  const db = await openDatabase(options.database, {
    onIdleError: err => fastify.log.warn({ err }, 'idle database connection failed'),
  })
  fastify.decorate('db', db)
  fastify.decorate('categoryRepository', createCategoryRepository(db))
  fastify.decorate('productRepository', createProductRepository(db))
  fastify.decorate('accountRepository', createAccountRepository(db))
  fastify.decorate('wechatIdentityRepository', createWechatIdentityRepository(db))
  fastify.decorate('sessionRepository', createSessionRepository(db))
  fastify.decorate('oauthStateRepository', createOAuthStateRepository(db))
  fastify.addHook('onClose', async () => {
    await db.destroy()
  })
}, { name: 'db' })
