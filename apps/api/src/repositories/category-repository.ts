import type { Category } from '@wxshop/shared'
import type { Kysely } from 'kysely'
import type { Database } from '../db/schema'

export function createCategoryRepository(db: Kysely<Database>) {
  return {
    async list(): Promise<Category[]> {
      const rows = await db
        .selectFrom('categories')
        .select(['id', 'slug', 'name', 'sort_order'])
        .orderBy('sort_order')
        .orderBy('id')
        .execute()
      return rows.map(row => ({ id: row.id, slug: row.slug, name: row.name, sortOrder: row.sort_order }))
    },
  }
}

export type CategoryRepository = ReturnType<typeof createCategoryRepository>
