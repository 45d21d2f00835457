import type { Kysely } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Database } from '../../src/db/schema'
import { createAccountRepository, type AccountRepository } from '../../src/repositories/account-repository'
import { createOAuthStateRepository, type OAuthStateRepository } from '../../src/repositories/oauth-state-repository'
import { createSessionRepository, type SessionRepository } from '../../src/repositories/session-repository'
import { createWechatIdentityRepository, type IdentityGrant, type WechatIdentityRepository } from '../../src/repositories/wechat-identity-repository'

const NOW = new Date('2025-03-01T08:00:00.000Z')
const later = (ms: number) => new Date(NOW.getTime() + ms)
const PROFILE = { nickname: '小明', headimgurl: 'https://thirdwx.qlogo.cn/a/132', sex: 1, province: '广东', city: '深圳', country: '中国' }

/**
 * The auth repositories' tests, run once per dialect: `open` hands back a migrated database whose
 * auth tables may hold rows from earlier tests (every test uses keys of its own).
 */
export function describeAuthRepositories(name: string, open: () => Promise<Kysely<Database>>): void {
  describe(name, () => {
    let db: Kysely<Database>
    let accounts: AccountRepository
    let identities: WechatIdentityRepository
    let sessions: SessionRepository
    let states: OAuthStateRepository
    let serial = 0
    const unique = (prefix: string) => `${prefix}${++serial}`
    const phone = () => `1380000${String(++serial).padStart(4, '0')}`

    beforeAll(async () => {
      db = await open()
      accounts = createAccountRepository(db)
      identities = createWechatIdentityRepository(db)
      sessions = createSessionRepository(db)
      states = createOAuthStateRepository(db)
    })
    afterAll(async () => {
      await db?.destroy()
    })

    const grant = (openid: string, overrides: Partial<IdentityGrant> = {}): IdentityGrant => ({
      openid,
      unionid: null,
      scope: 'snsapi_base',
      accessToken: `at-${openid}`,
      refreshToken: `rt-${openid}`,
      accessTokenExpiresAt: later(7200 * 1000),
      profile: null,
      ...overrides,
    })

    describe('accounts', () => {
      it('should create an account and find it by phone when the phone is new', async () => {
        const number = phone()
        const id = await accounts.create({ phone: number, passwordHash: '$argon2id$x', now: NOW })
        expect(id).toEqual(expect.any(Number))
        expect(await accounts.findByPhone(number)).toEqual({ id, phone: number, passwordHash: '$argon2id$x' })
        expect(await accounts.findByPhone('13999999999')).toBeUndefined()
      })

      it('should let exactly one of two racing registrations win when they use one phone', async () => {
        const number = phone()
        const results = await Promise.all([
          accounts.create({ phone: number, passwordHash: 'a', now: NOW }),
          accounts.create({ phone: number, passwordHash: 'b', now: NOW }),
        ])
        expect(results.filter(result => result === null)).toHaveLength(1)
      })
    })

    describe('wechat identities', () => {
      it('should create an unbound identity without exposing its tokens when first seen', async () => {
        const openid = unique('oRepoNew')
        expect(await identities.upsert(grant(openid), NOW)).toEqual({ accountId: null })
        const found = await identities.find(openid)
        expect(found).toEqual({ openid, unionid: null, scope: 'snsapi_base', profile: null, accountId: null })
        expect(JSON.stringify(found)).not.toContain('at-')
      })

      it('should keep the best scope, the profile, the unionid and the userinfo tokens when a later grant is silent', async () => {
        const openid = unique('oRepoBest')
        await identities.upsert(grant(openid, { scope: 'snsapi_userinfo', profile: PROFILE, unionid: 'oUnion1', accessToken: 'at-userinfo', refreshToken: 'rt-userinfo' }), NOW)
        await identities.upsert(grant(openid, { accessToken: 'at-newer', refreshToken: 'rt-newer' }), later(1000))
        expect(await identities.find(openid)).toMatchObject({ scope: 'snsapi_userinfo', profile: PROFILE, unionid: 'oUnion1' })
        const row = await db.selectFrom('wechat_identities').selectAll().where('openid', '=', openid).executeTakeFirstOrThrow()
        // only the userinfo pair can fetch the profile again
        expect(row.oauth_access_token).toBe('at-userinfo')
        expect(row.oauth_refresh_token).toBe('rt-userinfo')
        expect(row.updated_at).toBe(later(1000).toISOString())
        expect(row.created_at).toBe(NOW.toISOString())
      })

      it('should replace the profile and raise the scope when a userinfo grant follows a base one', async () => {
        const openid = unique('oRepoUp')
        await identities.upsert(grant(openid), NOW)
        await identities.upsert(grant(openid, { scope: 'snsapi_userinfo', profile: PROFILE, accessToken: 'at-upgraded' }), NOW)
        expect(await identities.find(openid)).toMatchObject({ scope: 'snsapi_userinfo', profile: PROFILE })
        const row = await db.selectFrom('wechat_identities').selectAll().where('openid', '=', openid).executeTakeFirstOrThrow()
        expect(row.oauth_access_token).toBe('at-upgraded')
      })

      it('should answer the bound account when upserting a bound identity', async () => {
        const openid = unique('oRepoBound')
        const accountId = (await accounts.create({ phone: phone(), passwordHash: 'h', now: NOW }))!
        await identities.upsert(grant(openid), NOW)
        await identities.setAccount(openid, accountId, NOW)
        expect(await identities.upsert(grant(openid), NOW)).toEqual({ accountId })
        await identities.setAccount(openid, null, NOW)
        expect((await identities.find(openid))?.accountId).toBeNull()
      })
    })

    describe('sessions', () => {
      it('should read a session with its user\'s scope, profile and account phone when found', async () => {
        const openid = unique('oRepoSession')
        const number = phone()
        const accountId = (await accounts.create({ phone: number, passwordHash: 'h', now: NOW }))!
        await identities.upsert(grant(openid, { scope: 'snsapi_userinfo', profile: PROFILE }), NOW)
        const idHash = unique('hash-')
        await sessions.create({ idHash, openid, accountId: null, now: NOW, expiresAt: later(1000) })
        expect(await sessions.find(idHash)).toEqual({
          idHash, openid, accountId: null, accountPhone: null, scope: 'snsapi_userinfo', profile: PROFILE, createdAt: NOW, expiresAt: later(1000), lastSeenAt: NOW,
        })
        // a rotated session keeps its login time
        const bound = unique('hash-')
        await sessions.create({ idHash: bound, openid, accountId, now: later(100), createdAt: NOW, expiresAt: later(1000) })
        await sessions.touch(bound, later(500), later(5000))
        expect(await sessions.find(bound)).toMatchObject({ accountId, accountPhone: number, createdAt: NOW, lastSeenAt: later(500), expiresAt: later(5000) })
        await sessions.delete(idHash)
        expect(await sessions.find(idHash)).toBeUndefined()
      })

      it('should delete only expired sessions when sweeping', async () => {
        const openid = unique('oRepoSweep')
        await identities.upsert(grant(openid), NOW)
        const [old, live] = [unique('old-'), unique('live-')]
        await sessions.create({ idHash: old, openid, accountId: null, now: NOW, expiresAt: later(-1) })
        await sessions.create({ idHash: live, openid, accountId: null, now: NOW, expiresAt: later(60_000) })
        expect(await sessions.deleteExpired(NOW)).toBeGreaterThanOrEqual(1)
        expect(await sessions.find(old)).toBeUndefined()
        expect(await sessions.find(live)).toBeDefined()
      })
    })

    describe('oauth states', () => {
      const create = (stateHash: string, expiresAt = later(600_000)) =>
        states.create({ stateHash, browserHash: 'browser-a', scope: 'snsapi_userinfo', returnTo: '/profile', now: NOW, expiresAt })

      it('should consume a state once, for its own browser only', async () => {
        const state = unique('state-')
        await create(state)
        expect(await states.consume(state, 'browser-b', NOW)).toBeUndefined()
        expect(await states.consume(state, 'browser-a', NOW)).toEqual({ scope: 'snsapi_userinfo', returnTo: '/profile' })
        expect(await states.consume(state, 'browser-a', NOW)).toBeUndefined()
      })

      it('should refuse an expired or unknown state when consuming', async () => {
        const state = unique('state-')
        await create(state, later(1000))
        expect(await states.consume(state, 'browser-a', later(1000))).toBeUndefined()
        expect(await states.consume('never-created', 'browser-a', NOW)).toBeUndefined()
      })

      it('should let exactly one of two racing requests consume a state', async () => {
        const state = unique('state-')
        await create(state)
        const results = await Promise.all([1, 2, 3].map(() => states.consume(state, 'browser-a', NOW)))
        expect(results.filter(result => result !== undefined)).toHaveLength(1)
      })

      it('should delete expired states when sweeping', async () => {
        const [old, live] = [unique('old-state-'), unique('live-state-')]
        await create(old, later(-1))
        await create(live)
        expect(await states.deleteExpired(NOW)).toBeGreaterThanOrEqual(1)
        expect(await states.consume(old, 'browser-a', later(-10_000))).toBeUndefined()
        expect(await states.consume(live, 'browser-a', NOW)).toBeDefined()
      })
    })
  })
}
