import { sql, type Kysely } from 'kysely'
import { idColumn } from './portable'

// Every push WeChat sends to the message URL, stored before it is acknowledged (the shop's customer
// service reads them) and keyed so a retried copy never runs its handler twice, across restarts and processes.
// Applied migrations are history: change the schema in a new numbered file, never here.

const STATUS_CHECK = sql`status in ('received', 'replied', 'late-sent', 'late-failed', 'failed')`

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('wechat_messages')
    .addColumn('id', 'integer', idColumn(db))
    // shared pushDedupeKey: msg:<MsgId>, or event:<FromUserName>:<CreateTime>:<kind>
    .addColumn('dedupe_key', 'text', col => col.notNull().unique())
    .addColumn('kind', 'text', col => col.notNull())
    .addColumn('from_openid', 'text', col => col.notNull())
    // a follow from a parametric QR code: its scene value (EventKey without qrscene_)
    .addColumn('scene', 'text')
    // the push's XML fields as JSON text, so both dialects store it alike
    .addColumn('fields', 'text', col => col.notNull())
    .addColumn('received_at', 'text', col => col.notNull())
    .addColumn('status', 'text', col => col.notNull().check(STATUS_CHECK))
    // the Reply (JSON) the shop gave, passively or late through custom/send; null: nothing to say
    .addColumn('reply', 'text')
    // the passive reply's plaintext XML, answered again to a retry; null: the answer was `success`
    .addColumn('reply_xml', 'text')
    .addColumn('finished_at', 'text')
    .execute()
  await db.schema.createIndex('wechat_messages_from_openid_idx').on('wechat_messages').columns(['from_openid', 'received_at']).execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('wechat_messages').execute()
}
