import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { App } from '../../src/app'
import type { CredentialStore, StoredCredential } from '../../src/wechat/credential-store'
import { createTokenService } from '../../src/wechat/token-service'
import { createWechatTransport } from '../../src/wechat/transport'
import { WechatUnavailableError } from '../../src/wechat/wechat-error'
import { build, INSTANT_BACKOFF, removeDir, tempDir } from '../helper'
import { sharedMockWechat, type MockWechatServer } from '../mock-wechat'
import { APP_ID, APP_SECRET, tokenServiceInChildren } from './token-children'

const quiet = () => {}
const QUIET_LOG = { debug: quiet, info: quiet, warn: quiet, error: quiet }

describe('the token service', () => {
  let mock: MockWechatServer
  let dir: string
  const apps: App[] = []

  beforeEach(async () => {
    mock = sharedMockWechat()
    await mock.control('POST', '/reset')
    dir = tempDir()
  })
  afterEach(async () => {
    for (const app of apps.splice(0))
      await app.close()
    removeDir(dir)
  })

  /** An API instance on this test's database file; `env` on top (e.g. WECHAT_TOKEN_API). */
  async function instance(env: Record<string, string> = {}, backoff = INSTANT_BACKOFF): Promise<App> {
    const app = await build({ mock, dir, env, wechatBackoff: backoff })
    apps.push(app)
    return app
  }

  const fetches = async (path: string) => (await mock.control<{ count: number }>('GET', `/calls?path=${encodeURIComponent(path)}`)).count
  const live = () => mock.control<{ accessToken: string | null, jsapiTicket: string | null, tokenAccessToken: string | null }>('GET', '/tokens')

  async function follower(subscribe: 0 | 1): Promise<string> {
    const openid = `oTokenTest${subscribe}${Math.random().toString(36).slice(2, 12)}`
    await mock.control('PUT', `/users/${openid}`, { subscribe })
    return openid
  }

  it('should fetch one token and one ticket when many callers ask at once on a cold start', async () => {
    const app = await instance()
    const tickets = await Promise.all(Array.from({ length: 200 }, () => app.wechatTokens.jsapiTicket()))
    expect(new Set(tickets)).toEqual(new Set([(await live()).jsapiTicket]))
    expect(await fetches('/cgi-bin/stable_token')).toBe(1)
    expect(await fetches('/cgi-bin/ticket/getticket')).toBe(1)
  })

  it('should fetch once per process even when its store has no lock (single-flight)', async () => {
    // a store whose lock does nothing, as a naive Redis version might be: only the in-process
    // single-flight keeps 200 waiting callers to one fetch
    let stored: StoredCredential | null = null
    const store: CredentialStore = {
      get: async () => stored,
      put: async (_kind, credential) => { stored = credential },
      compareAndExpire: async () => false,
      withFetchLock: (_kind, fn) => fn({ get: async () => stored, put: async (_k, credential) => { stored = credential } }),
    }
    const transport = createWechatTransport({ bases: { open: mock.url, api: mock.url, pay: mock.url }, log: QUIET_LOG })
    const tokens = createTokenService({ appId: APP_ID, appSecret: APP_SECRET, api: 'stable', transport, store, log: QUIET_LOG })
    await Promise.all(Array.from({ length: 200 }, () => tokens.accessToken()))
    expect(await fetches('/cgi-bin/stable_token')).toBe(1)
  })

  it('should use cgi-bin/token instead of stable_token when WECHAT_TOKEN_API=token', async () => {
    const app = await instance({ WECHAT_TOKEN_API: 'token' })
    expect(await app.wechatTokens.accessToken()).toBe((await live()).tokenAccessToken)
    expect(await fetches('/cgi-bin/token')).toBe(1)
    expect(await fetches('/cgi-bin/stable_token')).toBe(0)
  })

  it('should keep the token and ticket across a restart on the same database (no fetch)', async () => {
    const first = await instance()
    const ticket = await first.wechatTokens.jsapiTicket()
    const token = await first.wechatTokens.accessToken()
    await first.close()
    apps.splice(apps.indexOf(first), 1)

    const second = await instance()
    expect(await second.wechatTokens.jsapiTicket()).toBe(ticket)
    expect(await second.wechatTokens.accessToken()).toBe(token)
    expect(await fetches('/cgi-bin/stable_token')).toBe(1)
    expect(await fetches('/cgi-bin/ticket/getticket')).toBe(1)
  })

  it('should refetch the token once and retry the call once when WeChat answers 40001 once', async () => {
    const app = await instance()
    const openid = await follower(1)
    await app.wechatTokens.accessToken()
    await mock.control('POST', '/fail', { path: '/cgi-bin/user/info', errcode: 40001 })
    const info = await app.wechatApi.get('/cgi-bin/user/info', { openid, lang: 'zh_CN' })
    expect(info.subscribe).toBe(1)
    expect(await fetches('/cgi-bin/stable_token')).toBe(2)
    expect(await fetches('/cgi-bin/user/info')).toBe(2)
  })

  it('should give up after one retry when WeChat keeps refusing the token', async () => {
    const app = await instance()
    const openid = await follower(1)
    await mock.control('POST', '/fail', { path: '/cgi-bin/user/info', errcode: 40001, times: 5 })
    await expect(app.wechatApi.get('/cgi-bin/user/info', { openid })).rejects.toMatchObject({ errcode: 40001 })
    expect(await fetches('/cgi-bin/user/info')).toBe(2)
  })

  it('should recover with a new token when WeChat expired ours (42001)', async () => {
    const app = await instance()
    const openid = await follower(0)
    const old = await app.wechatTokens.accessToken()
    await mock.control('POST', '/expire', { what: 'access_token' })
    const info = await app.wechatApi.get('/cgi-bin/user/info', { openid })
    expect(info).toMatchObject({ subscribe: 0, openid })
    const fresh = await app.wechatTokens.accessToken()
    expect(fresh).not.toBe(old)
    expect(fresh).toBe((await live()).accessToken)
  })

  it('should take the token another instance stored instead of fetching when ours is refused (compare-and-expire)', async () => {
    const app = await instance({ WECHAT_TOKEN_API: 'token' })
    const openid = await follower(1)
    await app.wechatTokens.accessToken()
    // another instance fetched a new token (cgi-bin/token replaces ours) and stored it
    const response = await fetch(`${mock.url}/cgi-bin/token?grant_type=client_credential&appid=${APP_ID}&secret=${APP_SECRET}`)
    const theirs = (await response.json() as { access_token: string }).access_token
    const expiresAt = new Date(Date.now() + 7200_000).toISOString()
    await app.db.updateTable('wechat_credentials').set({ value: theirs, expires_at: expiresAt }).where('kind', '=', 'access_token').execute()
    // ours is past its grace: WeChat refuses it once
    await mock.control('POST', '/fail', { path: '/cgi-bin/user/info', errcode: 40001 })
    expect((await app.wechatApi.get('/cgi-bin/user/info', { openid })).subscribe).toBe(1)
    // theirs was kept (not expired, not replaced by a fetch of ours that would 互刷 theirs)
    expect(await fetches('/cgi-bin/token')).toBe(2)
    expect(await app.wechatTokens.accessToken()).toBe(theirs)
    const row = await app.db.selectFrom('wechat_credentials').selectAll().where('kind', '=', 'access_token').executeTakeFirstOrThrow()
    expect(row.expires_at).toBe(expiresAt)
  })

  it('should expire the token, refetch it and retry once when getticket refuses the token', async () => {
    const app = await instance()
    await app.wechatTokens.accessToken()
    await mock.control('POST', '/fail', { path: '/cgi-bin/ticket/getticket', errcode: 42001 })
    expect(await app.wechatTokens.jsapiTicket()).toBe((await live()).jsapiTicket)
    expect(await fetches('/cgi-bin/stable_token')).toBe(2)
    expect(await fetches('/cgi-bin/ticket/getticket')).toBe(2)
  })

  it('should log each fetch with its outcome and the caller, name the address to whitelist on 40164, and never log a secret', async () => {
    const lines: string[] = []
    const stream = { write: (line: string) => lines.push(line) }
    const app = await build({ mock, dir, wechatBackoff: INSTANT_BACKOFF, logger: { level: 'info', stream } })
    apps.push(app)
    await mock.control('POST', '/fail', { path: '/cgi-bin/stable_token', errcode: 40164, errmsg: 'invalid ip 203.0.113.7 ipv6 ::ffff:203.0.113.7, not in whitelist rid: 1' })
    await expect(app.wechatTokens.accessToken({ caller: 'GET /api/jssdk/config' })).rejects.toMatchObject({ errcode: 40164 })
    const token = await app.wechatTokens.accessToken({ caller: 'GET /api/jssdk/config' })
    const entries = lines.map(line => JSON.parse(line) as Record<string, unknown>).filter(entry => entry.credential === 'access_token')
    expect(entries).toEqual([
      expect.objectContaining({ outcome: 40164, whitelist: '203.0.113.7', caller: 'GET /api/jssdk/config', msg: expect.stringContaining('203.0.113.7') }),
      expect.objectContaining({ outcome: 'fetched', caller: 'GET /api/jssdk/config', expiresIn: expect.any(Number) }),
    ])
    const all = lines.join('\n')
    expect(all).not.toContain(APP_SECRET)
    expect(all).not.toContain(token)
  })

  it('should recover when another fetcher replaced our token and WeChat refuses ours after its grace', async () => {
    const app = await instance({ WECHAT_TOKEN_API: 'token' })
    const openid = await follower(1)
    const ours = await app.wechatTokens.accessToken()
    // someone else fetches with our appid and secret: ours is replaced (WeChat keeps it 5 more minutes)
    await fetch(`${mock.url}/cgi-bin/token?grant_type=client_credential&appid=${APP_ID}&secret=${APP_SECRET}`)
    // …and the 5 minutes are over: WeChat answers 40001 "not latest" to ours
    await mock.control('POST', '/fail', { path: '/cgi-bin/user/info', errcode: 40001 })
    expect((await app.wechatApi.get('/cgi-bin/user/info', { openid })).subscribe).toBe(1)
    const fresh = await app.wechatTokens.accessToken()
    expect(fresh).not.toBe(ours)
    expect(fresh).toBe((await live()).tokenAccessToken)
  })

  it('should refetch a stored token within 5 minutes of its expiry, before WeChat refuses it', async () => {
    const first = await instance()
    await first.wechatTokens.accessToken()
    const fetchedAt = new Date(Date.now() - 7200_000 + 4 * 60_000)
    await first.db.updateTable('wechat_credentials').set({ fetched_at: fetchedAt.toISOString(), expires_at: new Date(Date.now() + 4 * 60_000).toISOString() }).execute()
    const second = await instance() // fresh memory: it reads the store
    await second.wechatTokens.accessToken()
    expect(await fetches('/cgi-bin/stable_token')).toBe(2)
  })

  it('should not refetch on every request a token that arrived with less than 5 minutes to live', async () => {
    const first = await instance()
    await first.wechatTokens.accessToken()
    // as stable_token answers when asked in its last minutes: the live token, 4 minutes left
    await first.db.updateTable('wechat_credentials').set({ fetched_at: new Date().toISOString(), expires_at: new Date(Date.now() + 4 * 60_000).toISOString() }).execute()
    const second = await instance()
    await second.wechatTokens.accessToken()
    expect(await fetches('/cgi-bin/stable_token')).toBe(1)
  })

  it('should back off and succeed when WeChat answers -1 twice', async () => {
    const sleep = vi.fn(async () => {})
    const app = await instance({}, { retries: 3, baseDelayMs: 100, sleep })
    await mock.control('POST', '/fail', { path: '/cgi-bin/stable_token', errcode: -1, times: 2 })
    expect(await app.wechatTokens.accessToken()).toBe((await live()).accessToken)
    expect(await fetches('/cgi-bin/stable_token')).toBe(3)
    expect(sleep).toHaveBeenCalledTimes(2)
    // jittered exponential: about 100 ms, then about 200 ms
    const [first, second] = sleep.mock.calls.map(call => (call as unknown as [number])[0])
    expect(first).toBeGreaterThanOrEqual(50)
    expect(first).toBeLessThanOrEqual(150)
    expect(second).toBeGreaterThanOrEqual(100)
    expect(second).toBeLessThanOrEqual(300)
  })

  it('should stop after a bounded number of retries when WeChat stays busy', async () => {
    const app = await instance()
    await mock.control('POST', '/fail', { path: '/cgi-bin/stable_token', errcode: -1, times: 10 })
    await expect(app.wechatTokens.accessToken()).rejects.toBeInstanceOf(WechatUnavailableError)
    expect(await fetches('/cgi-bin/stable_token')).toBe(4)
  })

  it('should fetch once when two API processes start cold on one database', async () => {
    const databaseUrl = `file:${join(dir, 'test.db')}`
    await instance() // migrates the file; asks WeChat for nothing
    const results = await tokenServiceInChildren(databaseUrl, mock.url, 2)
    expect(results[0]).toEqual(results[1])
    expect(await fetches('/cgi-bin/stable_token')).toBe(1)
    expect(await fetches('/cgi-bin/ticket/getticket')).toBe(1)
  }, 30_000) // separate Node processes under tsx: seconds each to start on a busy machine
})
