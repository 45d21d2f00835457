import type { Product, ProductList, ProductSummary } from '@wxshop/shared'
import type { Kysely } from 'kysely'
import type { Database, ProductRow } from '../db/schema'
import { containsText } from './like-pattern'

export interface ProductFilter {
  categoryId?: number
  /** Keyword matched against name and subtitle. */
  q?: string
  ids?: number[]
  page: number
  pageSize: number
}

const SUMMARY_COLUMNS = ['id', 'category_id', 'name', 'subtitle', 'price_fen', 'original_price_fen', 'stock', 'sales', 'images'] as const

export function createProductRepository(db: Kysely<Database>) {
  function filtered(filter: ProductFilter) {
    let query = db.selectFrom('products')
    if (filter.categoryId !== undefined)
      query = query.where('category_id', '=', filter.categoryId)
    if (filter.ids !== undefined)
      query = query.where('id', 'in', filter.ids)
    if (filter.q !== undefined) {
      const q = filter.q
      query = query.where(eb => eb.or([containsText('name', q), containsText('subtitle', q)]))
    }
    return query
  }

  return {
    /** Best sellers first; id breaks ties so pages never overlap or skip. */
    async list(filter: ProductFilter): Promise<ProductList> {
      const { page, pageSize } = filter
      if (filter.ids?.length === 0)
        return { items: [], page, pageSize, total: 0, hasMore: false }
      const query = filtered(filter)
      const counted = await query.select(eb => eb.fn.countAll().as('total')).executeTakeFirstOrThrow()
      // PostgreSQL's count() is a bigint, which pg hands over as a string.
      const total = Number(counted.total)
      const rows = await query
        .select(SUMMARY_COLUMNS)
        .orderBy('sales', 'desc')
        .orderBy('id')
        .limit(pageSize)
        .offset((page - 1) * pageSize)
        .execute()
      return { items: rows.map(toSummary), page, pageSize, total, hasMore: page * pageSize < total }
    },

    async findById(id: number): Promise<Product | undefined> {
      const row = await db.selectFrom('products').selectAll().where('id', '=', id).executeTakeFirst()
      return row && toProduct(row)
    },
  }
}

export type ProductRepository = ReturnType<typeof createProductRepository>

type SummaryRow = Pick<ProductRow, typeof SUMMARY_COLUMNS[number]>

function toSummary(row: SummaryRow): ProductSummary {
  return {
    id: row.id,
    categoryId: row.category_id,
    name: row.name,
    subtitle: row.subtitle,
    priceFen: row.price_fen,
    originalPriceFen: row.original_price_fen,
    stock: row.stock,
    sales: row.sales,
    coverImage: parseImages(row.images)[0] ?? '',
  }
}

function toProduct(row: ProductRow): Product {
  return { ...toSummary(row), description: row.description, images: parseImages(row.images) }
}

/** A product's `images` JSON as a list of paths (the first is the cover); anything else counts as none. */
export function parseImages(json: string): string[] {
  const images: unknown = JSON.parse(json)
  return Array.isArray(images) ? images.filter((image): image is string => typeof image === 'string') : []
}
