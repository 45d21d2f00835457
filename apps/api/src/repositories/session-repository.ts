import type { OAuthScope, WechatProfile } from '@wxshop/shared'
import type { Kysely } from 'kysely'
import type { Database } from '../db/schema'
import { profileOf } from './wechat-identity-repository'

export interface NewSession {
  idHash: string
  openid: string
  accountId: number | null
  now: Date
  /** when the user signed in: kept across rotations, it bounds the session's absolute lifetime (default now) */
  createdAt?: Date
  expiresAt: Date
}

/** A session with what /api/me shows about its user, read in one query. */
export interface SessionView {
  idHash: string
  openid: string
  accountId: number | null
  /** the phone of the bound account, unmasked; null when unbound */
  accountPhone: string | null
  scope: OAuthScope
  profile: WechatProfile | null
  createdAt: Date
  expiresAt: Date
  lastSeenAt: Date
}

export function createSessionRepository(db: Kysely<Database>) {
  return {
    async create(session: NewSession): Promise<void> {
      const now = session.now.toISOString()
      await db
        .insertInto('sessions')
        .values({
          id_hash: session.idHash,
          openid: session.openid,
          account_id: session.accountId,
          created_at: (session.createdAt ?? session.now).toISOString(),
          expires_at: session.expiresAt.toISOString(),
          last_seen_at: now,
        })
        .execute()
    },

    /** The session, expired or not: the caller decides (and deletes an expired one). */
    async find(idHash: string): Promise<SessionView | undefined> {
      const row = await db
        .selectFrom('sessions as s')
        .innerJoin('wechat_identities as w', 'w.openid', 's.openid')
        .leftJoin('accounts as a', 'a.id', 's.account_id')
        .select([
          's.id_hash', 's.openid', 's.account_id', 's.created_at', 's.expires_at', 's.last_seen_at',
          'w.scope', 'w.nickname', 'w.headimgurl', 'w.sex', 'w.province', 'w.city', 'w.country',
          'a.phone',
        ])
        .where('s.id_hash', '=', idHash)
        .executeTakeFirst()
      return row && {
        idHash: row.id_hash,
        openid: row.openid,
        accountId: row.account_id,
        accountPhone: row.phone,
        scope: row.scope,
        profile: profileOf(row),
        createdAt: new Date(row.created_at),
        expiresAt: new Date(row.expires_at),
        lastSeenAt: new Date(row.last_seen_at),
      }
    },

    /** Slides the expiry forward. */
    async touch(idHash: string, now: Date, expiresAt: Date): Promise<void> {
      await db
        .updateTable('sessions')
        .set({ last_seen_at: now.toISOString(), expires_at: expiresAt.toISOString() })
        .where('id_hash', '=', idHash)
        .execute()
    },

    async delete(idHash: string): Promise<void> {
      await db.deleteFrom('sessions').where('id_hash', '=', idHash).execute()
    },

    /** Ends every session of a WeChat user, in every browser. */
    async deleteForOpenid(openid: string): Promise<void> {
      await db.deleteFrom('sessions').where('openid', '=', openid).execute()
    },

    /** Removes sessions past their expiry; answers how many. */
    async deleteExpired(now: Date): Promise<number> {
      const result = await db.deleteFrom('sessions').where('expires_at', '<=', now.toISOString()).executeTakeFirst()
      return Number(result.numDeletedRows)
    },
  }
}

export type SessionRepository = ReturnType<typeof createSessionRepository>
