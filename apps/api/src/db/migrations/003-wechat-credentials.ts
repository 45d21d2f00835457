import { sql, type Kysely } from 'kysely'

// The Official Account's server credentials (access_token, jsapi_ticket), kept in the database so a
// restart or a second instance reuses them instead of fetching again (WeChat caps fetches a day).
// Applied migrations are history: change the schema in a new numbered file, never here.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('wechat_credentials')
    .addColumn('kind', 'text', col => col.primaryKey().check(sql`kind in ('access_token', 'jsapi_ticket')`))
    .addColumn('value', 'text', col => col.notNull())
    // ISO-8601 UTC text, as every timestamp here: WeChat's expiry (fetched_at + expires_in)
    .addColumn('expires_at', 'text', col => col.notNull())
    .addColumn('fetched_at', 'text', col => col.notNull())
    .execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('wechat_credentials').execute()
}
