import type { LightMyRequestResponse } from 'fastify'
import { afterEach } from 'vitest'
import { buildMockWechat, type MockWechat } from '../src/app'
import { loadMockConfig } from '../src/config'

export const APPID = 'wxa1b2c3d4e5f60718'
export const SECRET = '3b9f0c1e7d2a4f6b8c0d1e2f3a4b5c6d'
export const CALLBACK = 'http://localhost:3000/auth/callback'
export const IOS_UA = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 MicroMessenger/8.0.50(0x1800322e) NetType/WIFI Language/zh_CN'
export const ANDROID_UA = 'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Mobile Safari/537.36 XWEB/1260117 MMWEBSDK/20240501 MicroMessenger/8.0.50.2640(0x28003252) WeChat/arm64 Weixin NetType/WIFI Language/zh_CN'

/** A clock the test moves by hand. */
export function createClock(start = Date.UTC(2025, 0, 1)) {
  let time = start
  return {
    now: () => time,
    advance: (ms: number) => {
      time += ms
    },
  }
}

const open: MockWechat[] = []
afterEach(async () => {
  await Promise.all(open.splice(0).map(app => app.close()))
})

/** Builds the mock like the start scripts do (env defaults, plus overrides); closed after each test. */
export function build(options: { env?: Record<string, string>, clock?: ReturnType<typeof createClock> } = {}) {
  const clock = options.clock ?? createClock()
  const app = buildMockWechat(loadMockConfig(options.env ?? {}), { now: clock.now })
  open.push(app)
  return { app, clock }
}

export function authorizeUrl(params: Record<string, string | undefined>): string {
  const defined = Object.entries({ appid: APPID, redirect_uri: CALLBACK, response_type: 'code', scope: 'snsapi_base', state: 'xyz', ...params })
    .filter((entry): entry is [string, string] => entry[1] !== undefined)
  return `/connect/oauth2/authorize?${new URLSearchParams(defined)}`
}

/** Where a 302 goes, parsed. */
export function location(response: LightMyRequestResponse): URL {
  const target = response.headers.location
  if (typeof target !== 'string')
    throw new Error(`expected a redirect, got ${response.statusCode}: ${response.body.slice(0, 200)}`)
  return new URL(target)
}

/** The persona cookie pair (`mockwx_user=…`) a response set. */
export function personaCookieOf(response: LightMyRequestResponse): string {
  const header = response.headers['set-cookie']
  const cookie = (Array.isArray(header) ? header : [header]).find(c => c?.startsWith('mockwx_user='))
  if (!cookie)
    throw new Error('no persona cookie set')
  return cookie.split(';')[0]!
}

export async function authorize(app: MockWechat, params: Record<string, string | undefined> = {}, headers: Record<string, string> = {}) {
  return app.inject({ url: authorizeUrl(params), headers: { 'user-agent': IOS_UA, ...headers } })
}

/** Runs a silent snsapi_base visit and returns its code. */
export async function baseCode(app: MockWechat, headers: Record<string, string> = {}): Promise<string> {
  return location(await authorize(app, {}, headers)).searchParams.get('code')!
}

/** A code for snsapi_userinfo, with next-login deciding who and what. */
export async function userinfoCode(app: MockWechat, login: { openid?: string, consent?: string } = {}): Promise<string> {
  await app.inject({ method: 'POST', url: '/__control/next-login', payload: { consent: 'allow', ...login } })
  return location(await authorize(app, { scope: 'snsapi_userinfo' })).searchParams.get('code')!
}

export async function exchange(app: MockWechat, code: string, overrides: Record<string, string | undefined> = {}) {
  const query = Object.entries({ appid: APPID, secret: SECRET, code, grant_type: 'authorization_code', ...overrides })
    .filter((entry): entry is [string, string] => entry[1] !== undefined)
  const response = await app.inject({ url: `/sns/oauth2/access_token?${new URLSearchParams(query)}` })
  return { response, body: JSON.parse(response.body) as Record<string, unknown> }
}

export async function sns(app: MockWechat, path: string, query: Record<string, string | undefined>) {
  const defined = Object.entries(query).filter((entry): entry is [string, string] => entry[1] !== undefined)
  const response = await app.inject({ url: `${path}?${new URLSearchParams(defined)}` })
  return { response, body: JSON.parse(response.body) as Record<string, unknown> }
}

/** WeChat's errmsg shape: the text, then `, rid: ` and three groups of 8 hex digits. */
export function errmsgPattern(text: string): RegExp {
  return new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}, rid: [0-9a-f]{8}-[0-9a-f]{8}-[0-9a-f]{8}$`)
}

/** GET /cgi-bin/token with the right credentials unless overridden (undefined leaves one out). */
export async function fetchToken(app: MockWechat, overrides: Record<string, string | undefined> = {}, remoteAddress?: string) {
  const query = Object.entries({ grant_type: 'client_credential', appid: APPID, secret: SECRET, ...overrides })
    .filter((entry): entry is [string, string] => entry[1] !== undefined)
  const response = await app.inject({ url: `/cgi-bin/token?${new URLSearchParams(query)}`, remoteAddress })
  return { response, body: JSON.parse(response.body) as Record<string, unknown> }
}

/** POST /cgi-bin/stable_token with a JSON body (an object is sent as JSON with the right credentials merged in). */
export async function fetchStable(app: MockWechat, body: Record<string, unknown> | string = {}, options: { contentType?: string, remoteAddress?: string } = {}) {
  const payload = typeof body === 'string' ? body : JSON.stringify({ grant_type: 'client_credential', appid: APPID, secret: SECRET, ...body })
  const headers = { 'content-type': options.contentType ?? 'application/json' }
  const response = await app.inject({ method: 'POST', url: '/cgi-bin/stable_token', payload, headers, remoteAddress: options.remoteAddress })
  return { response, body: JSON.parse(response.body) as Record<string, unknown> }
}

/** A fresh token from cgi-bin/token. */
export async function serverToken(app: MockWechat): Promise<string> {
  return (await fetchToken(app)).body.access_token as string
}
