import type { OAuthScope, WechatProfile } from '@wxshop/shared'
import { sql, type Kysely } from 'kysely'
import type { Database, WechatIdentityTable } from '../db/schema'

/** What one successful code exchange (and, for snsapi_userinfo, sns/userinfo) told us. */
export interface IdentityGrant {
  openid: string
  unionid: string | null
  scope: OAuthScope
  accessToken: string
  refreshToken: string
  accessTokenExpiresAt: Date
  /** null for snsapi_base: a stored profile is then kept as it is */
  profile: WechatProfile | null
}

export interface WechatIdentity {
  openid: string
  unionid: string | null
  scope: OAuthScope
  profile: WechatProfile | null
  accountId: number | null
}

/** The stored column when a silent grant follows a userinfo one, else the new value. */
function keepUserinfoToken(column: 'oauth_access_token' | 'oauth_refresh_token' | 'oauth_expires_at') {
  return sql<string>`case when wechat_identities.scope = 'snsapi_userinfo' and excluded.scope = 'snsapi_base' then ${sql.ref(`wechat_identities.${column}`)} else ${sql.ref(`excluded.${column}`)} end`
}

export function createWechatIdentityRepository(db: Kysely<Database>) {
  return {
    /**
     * Creates or refreshes the identity; answers the shop account it is bound to, if any.
     * The scope only ever goes up (a silent snsapi_base visit after a userinfo grant keeps
     * snsapi_userinfo), and a grant without a profile or unionid keeps the stored ones; so do the
     * userinfo tokens.
     */
    async upsert(grant: IdentityGrant, now: Date): Promise<{ accountId: number | null }> {
      const at = now.toISOString()
      const profile = grant.profile
      const row = await db
        .insertInto('wechat_identities')
        .values({
          openid: grant.openid,
          unionid: grant.unionid,
          scope: grant.scope,
          nickname: profile?.nickname ?? null,
          headimgurl: profile?.headimgurl ?? null,
          sex: profile?.sex ?? null,
          province: profile?.province ?? null,
          city: profile?.city ?? null,
          country: profile?.country ?? null,
          oauth_access_token: grant.accessToken,
          oauth_refresh_token: grant.refreshToken,
          oauth_expires_at: grant.accessTokenExpiresAt.toISOString(),
          account_id: null,
          created_at: at,
          updated_at: at,
        })
        .onConflict(oc => oc.column('openid').doUpdateSet({
          unionid: sql`coalesce(excluded.unionid, wechat_identities.unionid)`,
          scope: sql`case when wechat_identities.scope = 'snsapi_userinfo' then 'snsapi_userinfo' else excluded.scope end`,
          ...(profile
            ? {
                nickname: sql`excluded.nickname`,
                headimgurl: sql`excluded.headimgurl`,
                sex: sql`excluded.sex`,
                province: sql`excluded.province`,
                city: sql`excluded.city`,
                country: sql`excluded.country`,
              }
            : {}),
          // A base token can do nothing a userinfo one cannot, and only the userinfo pair (its 30-day
          // refresh_token) can fetch the profile again: a silent visit never replaces it.
          oauth_access_token: keepUserinfoToken('oauth_access_token'),
          oauth_refresh_token: keepUserinfoToken('oauth_refresh_token'),
          oauth_expires_at: keepUserinfoToken('oauth_expires_at'),
          updated_at: sql`excluded.updated_at`,
        }))
        .returning('account_id')
        .executeTakeFirstOrThrow()
      return { accountId: row.account_id }
    },

    /** Binds to a shop account, or unbinds with null. */
    async setAccount(openid: string, accountId: number | null, now: Date): Promise<void> {
      await db
        .updateTable('wechat_identities')
        .set({ account_id: accountId, updated_at: now.toISOString() })
        .where('openid', '=', openid)
        .execute()
    },

    /** The identity without its OAuth tokens, which only the WeChat client code may read. */
    async find(openid: string): Promise<WechatIdentity | undefined> {
      const row = await db
        .selectFrom('wechat_identities')
        .select(['openid', 'unionid', 'scope', 'nickname', 'headimgurl', 'sex', 'province', 'city', 'country', 'account_id'])
        .where('openid', '=', openid)
        .executeTakeFirst()
      return row && {
        openid: row.openid,
        unionid: row.unionid,
        scope: row.scope,
        profile: profileOf(row),
        accountId: row.account_id,
      }
    },
  }
}

export type WechatIdentityRepository = ReturnType<typeof createWechatIdentityRepository>

type ProfileColumns = Pick<WechatIdentityTable, 'nickname' | 'headimgurl' | 'sex' | 'province' | 'city' | 'country'>

/** A stored profile, or null when sns/userinfo never answered for this user (nickname is always set by it). */
export function profileOf(row: ProfileColumns): WechatProfile | null {
  if (row.nickname === null)
    return null
  return {
    nickname: row.nickname,
    headimgurl: row.headimgurl ?? '',
    sex: row.sex ?? 0,
    province: row.province ?? '',
    city: row.city ?? '',
    country: row.country ?? '',
  }
}
