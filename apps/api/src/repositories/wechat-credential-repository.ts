import type { Kysely } from 'kysely'
import type { Database, WechatCredentialKind } from '../db/schema'

export interface StoredCredential {
  value: string
  /** WeChat's expiry: fetched_at + expires_in */
  expiresAt: Date
  fetchedAt: Date
}

export function createWechatCredentialRepository(db: Kysely<Database>) {
  return {
    async get(kind: WechatCredentialKind): Promise<StoredCredential | null> {
      const row = await db.selectFrom('wechat_credentials').selectAll().where('kind', '=', kind).executeTakeFirst()
      return row ? { value: row.value, expiresAt: new Date(row.expires_at), fetchedAt: new Date(row.fetched_at) } : null
    },

    async put(kind: WechatCredentialKind, credential: StoredCredential): Promise<void> {
      const values = { value: credential.value, expires_at: credential.expiresAt.toISOString(), fetched_at: credential.fetchedAt.toISOString() }
      await db
        .insertInto('wechat_credentials')
        .values({ kind, ...values })
        .onConflict(oc => oc.column('kind').doUpdateSet(values))
        .execute()
    },

    /**
     * Expires the stored credential only if it is still `value`: one conditional UPDATE, so a caller
     * holding a stale value never throws away the fresh one another caller (or process) just stored.
     */
    async compareAndExpire(kind: WechatCredentialKind, value: string, now: Date): Promise<boolean> {
      const result = await db
        .updateTable('wechat_credentials')
        .set({ expires_at: now.toISOString() })
        .where('kind', '=', kind)
        .where('value', '=', value)
        .executeTakeFirst()
      return Number(result.numUpdatedRows) > 0
    },
  }
}

export type WechatCredentialRepository = ReturnType<typeof createWechatCredentialRepository>
