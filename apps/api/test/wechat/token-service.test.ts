import { spawn } from 'node:child_process'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { App } from '../../src/app'
import type { CredentialStore, StoredCredential } from '../../src/wechat/credential-store'
import { createTokenService } from '../../src/wechat/token-service'
import { createWechatTransport } from '../../src/wechat/transport'
import { WechatUnavailableError } from '../../src/wechat/wechat-error'
import { build, INSTANT_BACKOFF, removeDir, tempDir } from '../helper'
import { sharedMockWechat, type MockWechatServer } from '../mock-wechat'

// The mock's Official Account (the API's mock-mode defaults in config.ts)
const APP_ID = 'wxa1b2c3d4e5f60718'
const APP_SECRET = '3b9f0c1e7d2a4f6b8c0d1e2f3a4b5c6d'
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
    const results = await inChildren(databaseUrl, mock.url, 2)
    expect(results[0]).toEqual(results[1])
    expect(await fetches('/cgi-bin/stable_token')).toBe(1)
    expect(await fetches('/cgi-bin/ticket/getticket')).toBe(1)
  })
})

const CHILD = fileURLToPath(new URL('./token-child.ts', import.meta.url))
const API_DIR = fileURLToPath(new URL('../..', import.meta.url))

/** Runs the token service in `count` processes that are told "go" together, so their cold starts overlap. */
async function inChildren(databaseUrl: string, mockUrl: string, count: number): Promise<unknown[]> {
  const children = Array.from({ length: count }, () => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, databaseUrl, mockUrl, APP_ID, APP_SECRET], { cwd: API_DIR, stdio: ['pipe', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    let markReady: () => void = () => {}
    const ready = new Promise<void>(resolve => (markReady = resolve))
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString()
      if (stdout.startsWith('ready\n'))
        markReady()
    })
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    const done = new Promise<unknown>((resolve, reject) => child.on('close', (code) => {
      markReady()
      const line = stdout.split('\n')[1]
      if (code !== 0 || !line)
        reject(new Error(`token child exited ${code}: ${stderr}`))
      else
        resolve(JSON.parse(line))
    }))
    return { child, ready, done }
  })
  await Promise.all(children.map(c => c.ready))
  for (const { child } of children)
    child.stdin.end('go\n')
  return Promise.all(children.map(c => c.done))
}
