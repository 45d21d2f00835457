import fp from 'fastify-plugin'
import type { Kysely } from 'kysely'
import type { DatabaseTarget } from '../db/database-url'
import { openDatabase } from '../db/open-database'
import type { Database } from '../db/schema'
import { createCategoryRepository, type CategoryRepository } from '../repositories/category-repository'
import { createProductRepository, type ProductRepository } from '../repositories/product-repository'

declare module 'fastify' {
  interface FastifyInstance {
    db: Kysely<Database>
    categoryRepository: CategoryRepository
    productRepository: ProductRepository
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
  fastify.addHook('onClose', async () => {
    await db.destroy()
  })
}, { name: 'db' })
