import { sql, type Kysely } from 'kysely'
import { idColumn } from './portable'

// WeChat identities, shop accounts, server-side sessions and pending OAuth states.
// Applied migrations are history: change the schema in a new numbered file, never here.
// Timestamps are ISO-8601 UTC text written by the application (see 001), so they compare as text.

const SCOPE_CHECK = sql`scope in ('snsapi_base', 'snsapi_userinfo')`

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('accounts')
    .addColumn('id', 'integer', idColumn(db))
    .addColumn('phone', 'text', col => col.notNull().unique())
    .addColumn('password_hash', 'text', col => col.notNull())
    .addColumn('created_at', 'text', col => col.notNull())
    .execute()

  await db.schema
    .createTable('wechat_identities')
    .addColumn('openid', 'text', col => col.primaryKey())
    .addColumn('unionid', 'text')
    // the best scope this user ever granted: a later silent login never downgrades it
    .addColumn('scope', 'text', col => col.notNull().check(SCOPE_CHECK))
    .addColumn('nickname', 'text')
    .addColumn('headimgurl', 'text')
    .addColumn('sex', 'integer')
    .addColumn('province', 'text')
    .addColumn('city', 'text')
    .addColumn('country', 'text')
    // the user's OAuth credentials: server-side only, never in a response
    .addColumn('oauth_access_token', 'text', col => col.notNull())
    .addColumn('oauth_refresh_token', 'text', col => col.notNull())
    .addColumn('oauth_expires_at', 'text', col => col.notNull())
    .addColumn('account_id', 'integer', col => col.references('accounts.id').onDelete('set null'))
    .addColumn('created_at', 'text', col => col.notNull())
    .addColumn('updated_at', 'text', col => col.notNull())
    .execute()
  await db.schema.createIndex('wechat_identities_account_id_idx').on('wechat_identities').column('account_id').execute()

  await db.schema
    .createTable('sessions')
    // sha256 hex of the cookie's token: the token itself is never stored
    .addColumn('id_hash', 'text', col => col.primaryKey())
    .addColumn('openid', 'text', col => col.notNull().references('wechat_identities.openid').onDelete('cascade'))
    .addColumn('account_id', 'integer', col => col.references('accounts.id').onDelete('set null'))
    .addColumn('created_at', 'text', col => col.notNull())
    .addColumn('expires_at', 'text', col => col.notNull())
    .addColumn('last_seen_at', 'text', col => col.notNull())
    .execute()
  await db.schema.createIndex('sessions_openid_idx').on('sessions').column('openid').execute()
  // for the periodic sweep of expired rows
  await db.schema.createIndex('sessions_expires_at_idx').on('sessions').column('expires_at').execute()

  await db.schema
    .createTable('oauth_states')
    .addColumn('state_hash', 'text', col => col.primaryKey())
    // sha256 hex of the browser cookie's nonce: a state only counts for the browser it was given to
    .addColumn('browser_hash', 'text', col => col.notNull())
    .addColumn('scope', 'text', col => col.notNull().check(SCOPE_CHECK))
    .addColumn('return_to', 'text', col => col.notNull())
    .addColumn('created_at', 'text', col => col.notNull())
    .addColumn('expires_at', 'text', col => col.notNull())
    .addColumn('used_at', 'text')
    .execute()
  await db.schema.createIndex('oauth_states_expires_at_idx').on('oauth_states').column('expires_at').execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('oauth_states').execute()
  await db.schema.dropTable('sessions').execute()
  await db.schema.dropTable('wechat_identities').execute()
  await db.schema.dropTable('accounts').execute()
}
