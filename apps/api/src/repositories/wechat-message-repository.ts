import type { Kysely } from 'kysely'
import type { Database, WechatMessageStatus } from '../db/schema'
import { isUniqueViolation } from './unique-violation'

export interface NewWechatMessage {
  dedupeKey: string
  kind: string
  fromOpenid: string
  scene: string | null
  fields: unknown
  receivedAt: Date
}

export interface StoredWechatMessage {
  dedupeKey: string
  kind: string
  fromOpenid: string
  scene: string | null
  fields: unknown
  status: WechatMessageStatus
  reply: unknown
  replyXml: string | null
}

export interface FinishedWechatMessage {
  status: Exclude<WechatMessageStatus, 'received'>
  reply: unknown
  replyXml: string | null
  finishedAt: Date
}

export function createWechatMessageRepository(db: Kysely<Database>) {
  return {
    /**
     * Stores a push as `received`. True: this caller owns its handling. False: a copy was stored
     * first (in this process or another, before a restart too): the unique dedupe key decides.
     */
    async claim(message: NewWechatMessage): Promise<boolean> {
      try {
        await db.insertInto('wechat_messages').values({
          dedupe_key: message.dedupeKey,
          kind: message.kind,
          from_openid: message.fromOpenid,
          scene: message.scene,
          fields: JSON.stringify(message.fields),
          received_at: message.receivedAt.toISOString(),
          status: 'received',
          reply: null,
          reply_xml: null,
          finished_at: null,
        }).execute()
        return true
      } catch (err) {
        if (isUniqueViolation(err))
          return false
        throw err
      }
    },

    async finish(dedupeKey: string, finished: FinishedWechatMessage): Promise<void> {
      await db.updateTable('wechat_messages').set({
        status: finished.status,
        reply: finished.reply === null ? null : JSON.stringify(finished.reply),
        reply_xml: finished.replyXml,
        finished_at: finished.finishedAt.toISOString(),
      }).where('dedupe_key', '=', dedupeKey).execute()
    },

    async find(dedupeKey: string): Promise<StoredWechatMessage | undefined> {
      const row = await db.selectFrom('wechat_messages').selectAll().where('dedupe_key', '=', dedupeKey).executeTakeFirst()
      return row && {
        dedupeKey: row.dedupe_key,
        kind: row.kind,
        fromOpenid: row.from_openid,
        scene: row.scene,
        fields: JSON.parse(row.fields) as unknown,
        status: row.status,
        reply: row.reply === null ? null : JSON.parse(row.reply) as unknown,
        replyXml: row.reply_xml,
      }
    },

    async count(): Promise<number> {
      const row = await db.selectFrom('wechat_messages').select(eb => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()
      return Number(row.n)
    },
  }
}

export type WechatMessageRepository = ReturnType<typeof createWechatMessageRepository>
