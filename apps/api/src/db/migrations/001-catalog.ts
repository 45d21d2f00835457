import { sql, type Kysely } from 'kysely'
import { idColumn } from './portable'

// Applied migrations are history: change the schema in a new numbered file, never here.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('categories')
    .addColumn('id', 'integer', idColumn(db))
    .addColumn('slug', 'text', col => col.notNull().unique())
    .addColumn('name', 'text', col => col.notNull())
    .addColumn('sort_order', 'integer', col => col.notNull().defaultTo(0))
    .execute()

  await db.schema
    .createTable('products')
    .addColumn('id', 'integer', idColumn(db))
    .addColumn('category_id', 'integer', col => col.notNull().references('categories.id').onDelete('restrict'))
    .addColumn('slug', 'text', col => col.notNull().unique())
    .addColumn('name', 'text', col => col.notNull())
    .addColumn('subtitle', 'text', col => col.notNull().defaultTo(''))
    .addColumn('description', 'text', col => col.notNull().defaultTo(''))
    .addColumn('price_fen', 'integer', col => col.notNull().check(sql`price_fen >= 0`))
    .addColumn('original_price_fen', 'integer', col => col.check(sql`original_price_fen >= 0`))
    .addColumn('stock', 'integer', col => col.notNull().defaultTo(0).check(sql`stock >= 0`))
    .addColumn('sales', 'integer', col => col.notNull().defaultTo(0).check(sql`sales >= 0`))
    .addColumn('images', 'text', col => col.notNull().defaultTo('[]'))
    .addColumn('created_at', 'text', col => col.notNull())
    .execute()

  await db.schema.createIndex('products_category_id_idx').on('products').column('category_id').execute()
  // The list's order (best sellers first, id as tie-break) can be read straight off this index.
  await db.schema.createIndex('products_sales_id_idx').on('products').columns(['sales desc', 'id']).execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('products').execute()
  await db.schema.dropTable('categories').execute()
}
