import type { InjectOptions, LightMyRequestResponse } from 'fastify'
import type { App } from '../src/app'
import type { MockWechatServer } from './mock-wechat'

// A browser in miniature for app.inject (a cookie jar), and the WeChat round trip through the real
// mock over HTTP: authorize URL → the mock's 302 back to us with code and state → the code exchange.

export const WECHAT_UA = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 MicroMessenger/8.0.50(0x1800322e) NetType/WIFI Language/zh_CN'
export const DESKTOP_UA = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36'

interface ResponseCookie { name: string, value: string, maxAge?: number, expires?: Date }

let browsers = 0
/** A documentation-range address of its own for each browser: each is a different shopper to the rate limits. */
function nextAddress(): string {
  browsers += 1
  return `198.18.${(browsers >> 8) & 255}.${browsers & 255}`
}

export function createBrowser(app: App, ip = nextAddress()) {
  const cookies = new Map<string, string>()

  function absorb(response: LightMyRequestResponse): LightMyRequestResponse {
    for (const cookie of response.cookies as ResponseCookie[]) {
      const gone = cookie.maxAge === 0 || (cookie.expires !== undefined && cookie.expires.getTime() <= Date.now())
      if (gone)
        cookies.delete(cookie.name)
      else
        cookies.set(cookie.name, cookie.value)
    }
    return response
  }

  async function request(options: InjectOptions): Promise<LightMyRequestResponse> {
    const cookie = [...cookies].map(([name, value]) => `${name}=${value}`).join('; ')
    const headers = { ...(cookie ? { cookie } : {}), ...options.headers }
    return absorb(await app.inject({ remoteAddress: ip, ...options, headers }))
  }

  return {
    cookies,
    ip,
    request,
    get: (url: string, headers: Record<string, string> = {}) => request({ method: 'GET', url, headers }),
    // JSON always, as the SPA sends it: state-changing routes refuse anything else
    post: (url: string, payload: object = {}) => request({ method: 'POST', url, payload }),
  }
}

export type Browser = ReturnType<typeof createBrowser>

export interface WechatCallback {
  /** where WeChat sent the browser back to */
  location: URL
  code: string | null
  state: string | null
}

/** Opens a WeChat authorize URL on the mock (no inject: real HTTP) and reads where it redirects back to. */
export async function visitWechat(authorizeUrl: string): Promise<WechatCallback> {
  const response = await fetch(authorizeUrl, { redirect: 'manual' })
  const target = response.headers.get('location')
  if (response.status !== 302 || !target)
    throw new Error(`the mock did not redirect back (${response.status}): ${(await response.text()).slice(0, 300)}`)
  const location = new URL(target)
  return { location, code: location.searchParams.get('code'), state: location.searchParams.get('state') }
}

let users = 0
/** A fresh openid-like id the mock accepts (6–64 of A-Za-z0-9_-). */
export function newOpenid(): string {
  users += 1
  return `oTestUser${String(users).padStart(6, '0')}${Math.random().toString(36).slice(2, 10)}`
}

export interface WechatLoginOptions {
  openid?: string
  scope?: 'snsapi_base' | 'snsapi_userinfo'
  consent?: 'allow' | 'deny' | 'snapshot'
  returnTo?: string
  browser?: Browser
}

/** The SPA's login: authorize, the WeChat round trip, then the code exchange. */
export async function wechatLogin(app: App, mock: MockWechatServer, options: WechatLoginOptions = {}) {
  const browser = options.browser ?? createBrowser(app)
  const { openid, consent, scope = 'snsapi_base', returnTo = '/' } = options
  if (openid !== undefined || consent !== undefined || scope === 'snsapi_userinfo')
    await mock.control('POST', '/next-login', { ...(openid ? { openid } : {}), consent: consent ?? 'allow' })
  const authorize = await browser.post('/api/auth/wechat/authorize', { scope, returnTo })
  const callback = await visitWechat(authorize.json().url)
  const response = await browser.post('/api/auth/wechat/code', { code: callback.code, state: callback.state })
  return { browser, authorize, callback, response }
}

/** Rows in a table, for "nothing was stored" checks. */
export async function countRows(app: App, table: 'accounts' | 'wechat_identities' | 'sessions' | 'oauth_states'): Promise<number> {
  const { count } = await app.db.selectFrom(table).select(eb => eb.fn.countAll().as('count')).executeTakeFirstOrThrow()
  return Number(count)
}

/** Set-Cookie header lines of a response, as sent. */
export function setCookieLines(response: LightMyRequestResponse): string[] {
  const header = response.headers['set-cookie']
  return header === undefined ? [] : Array.isArray(header) ? header : [header]
}
