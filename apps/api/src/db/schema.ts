import type { Generated, Insertable, Selectable } from 'kysely'

// Column names are the database's (snake_case); repositories map rows to the shared camelCase types.

export interface CategoryTable {
  id: Generated<number>
  slug: string
  name: string
  sort_order: number
}

export interface ProductTable {
  id: Generated<number>
  category_id: number
  slug: string
  name: string
  subtitle: string
  description: string
  /** Integer fen. */
  price_fen: number
  original_price_fen: number | null
  stock: number
  sales: number
  /** JSON array of URL paths; the first is the cover. Text so SQLite and PostgreSQL store it alike. */
  images: string
  /** ISO-8601 UTC text, written by the application so both dialects hold the same format. */
  created_at: string
}

export interface Database {
  categories: CategoryTable
  products: ProductTable
}

export type CategoryRow = Selectable<CategoryTable>
export type ProductRow = Selectable<ProductTable>
export type NewProduct = Insertable<ProductTable>
