import { PostgresAdapter, sql, type Kysely } from 'kysely'
import type { Database, NewProduct } from '../schema'
import { seedCategories, seedProducts, type SeedCategory, type SeedProduct } from './catalog-data'

export interface CatalogSeed {
  categories: SeedCategory[]
  products: SeedProduct[]
}

/** Any fixed number: the PostgreSQL advisory lock every seeding instance queues on. */
const SEED_LOCK_ID = 7_146_001

/**
 * Fills an empty catalog with the demo data, in one transaction, so a restart (or a crash half-way)
 * never leaves duplicates or a partial catalog. Returns false when there was something already.
 * Two instances seeding one database at once: the transaction first takes a lock (an advisory
 * lock on PostgreSQL, the write lock of SQLite's BEGIN IMMEDIATE), so the second waits and then
 * finds the catalog filled.
 */
export async function seedCatalog(db: Kysely<Database>, seed: CatalogSeed = { categories: seedCategories, products: seedProducts }): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    if (db.getExecutor().adapter instanceof PostgresAdapter)
      await sql`select pg_advisory_xact_lock(${SEED_LOCK_ID})`.execute(trx)
    const existing = await trx.selectFrom('categories').select('id').limit(1).executeTakeFirst()
    if (existing)
      return false

    const categoryIds = new Map<string, number>()
    for (const category of seed.categories) {
      const { id } = await trx
        .insertInto('categories')
        .values({ slug: category.slug, name: category.name, sort_order: category.sortOrder })
        .returning('id')
        .executeTakeFirstOrThrow()
      categoryIds.set(category.slug, id)
    }

    const createdAt = new Date().toISOString()
    const rows = seed.products.map((product): NewProduct => {
      const categoryId = categoryIds.get(product.categorySlug)
      if (categoryId === undefined)
        throw new Error(`seed product ${product.slug} names unknown category ${product.categorySlug}`)
      return {
        category_id: categoryId,
        slug: product.slug,
        name: product.name,
        subtitle: product.subtitle,
        description: product.description,
        price_fen: product.priceFen,
        original_price_fen: product.originalPriceFen,
        stock: product.stock,
        sales: product.sales,
        images: JSON.stringify(product.images),
        created_at: createdAt,
      }
    })
    // Batches stay far below SQLite's limit on bound parameters per statement.
    for (let start = 0; start < rows.length; start += 50)
      await trx.insertInto('products').values(rows.slice(start, start + 50)).execute()
    return true
  })
}
