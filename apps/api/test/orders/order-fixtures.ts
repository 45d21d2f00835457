import type { Address } from '@wxshop/shared'
import type { Kysely } from 'kysely'
import type { Database } from '../../src/db/schema'

// Rows straight into the database for order tests: each test makes its own account and products,
// with the stock and price it needs, so tests never share what they count.

export const ADDRESS: Address = { name: '张三', phone: '13800138000', province: '广东省', city: '深圳市', district: '南山区', detail: '科技园 1 号' }

let serial = 0
const unique = () => `${Date.now().toString(36)}${(++serial).toString(36)}`

export async function addAccount(db: Kysely<Database>): Promise<number> {
  const phone = `139${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`
  const { id } = await db.insertInto('accounts')
    .values({ phone, password_hash: '$argon2id$x', created_at: new Date().toISOString() })
    .returning('id')
    .executeTakeFirstOrThrow()
  return id
}

export interface ProductSpec {
  name: string
  priceFen: number
  stock: number
}

/** A product in a category of its own; its cover is `/images/products/p<id>-1.svg`. */
export async function addProduct(db: Kysely<Database>, spec: ProductSpec): Promise<number> {
  const key = unique()
  const category = await db.insertInto('categories').values({ slug: `c-${key}`, name: '测试', sort_order: 0 }).returning('id').executeTakeFirstOrThrow()
  const { id } = await db.insertInto('products')
    .values({
      category_id: category.id,
      slug: `p-${key}`,
      name: spec.name,
      subtitle: '',
      description: '',
      price_fen: spec.priceFen,
      original_price_fen: null,
      stock: spec.stock,
      sales: 0,
      images: '[]',
      created_at: new Date().toISOString(),
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  await db.updateTable('products').set({ images: JSON.stringify([`/images/products/p${id}-1.svg`, `/images/products/p${id}-2.svg`]) }).where('id', '=', id).execute()
  return id
}

export async function stockOf(db: Kysely<Database>, productId: number): Promise<number> {
  const row = await db.selectFrom('products').select('stock').where('id', '=', productId).executeTakeFirstOrThrow()
  return row.stock
}
