// A bare page that stands in for the shop, for specs of the mock WeChat's in-page client: served on
// the shop's host name (localhost) but its own port, it loads the mock's bridge.js; `/sdk/…` pages
// also load the official JS-SDK (weixin-js-sdk, unmodified) under the shop's own
// Content-Security-Policy, with a style sheet that tries to hide and restyle everything. Plus the
// steps such specs share: a jsapi_ticket from the mock, a signed wx.config, calling the JS-SDK.
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { createServer } from 'node:http'
import { createRequire } from 'node:module'
import type { AddressInfo } from 'node:net'
import type { Page } from '@playwright/test'
import { BASE_URL, MOCK_URL } from './servers'

export const MOCK_APPID = 'wxa1b2c3d4e5f60718'
const MOCK_SECRET = '3b9f0c1e7d2a4f6b8c0d1e2f3a4b5c6d'

// The SDK is a CommonJS file that reads `window` at once; wrapped, not changed, it sets window.wx.
const sdkSource = readFileSync(createRequire(import.meta.url).resolve('weixin-js-sdk'), 'utf8')
const SDK_SCRIPT = `(function () { var module = { exports: {} };\n${sdkSource}\n;window.wx = module.exports })()\n`
// what a careless shop style sheet can do to an overlay that does not protect itself
const HOSTILE_CSS = 'html > * { display: none !important } div, form, input, button, dialog { display: none !important; opacity: 0 !important } * { font-size: 1px !important; color: transparent !important }'

export interface SdkShop {
  /** http://localhost:<port>: the shop's host name, so the JS safe domain. */
  url: string
  /** The same tiny shop on another host name (127.0.0.1): not the JS safe domain. */
  foreignUrl: string
  close: () => Promise<void>
}

/** Starts the tiny shop on a free port. */
export async function startSdkShop(): Promise<SdkShop> {
  // the real shop's policy (apps/api/src/plugins/security-headers.ts), as the API sends it
  const shopCsp = (await fetch(`${BASE_URL}/api/health`)).headers.get('content-security-policy') ?? ''
  if (!shopCsp.includes(MOCK_URL))
    throw new Error(`the shop's Content-Security-Policy does not name the mock: ${shopCsp}`)
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://shop').pathname
    if (path === '/wx.js') {
      response.writeHead(200, { 'content-type': 'application/javascript; charset=utf-8' })
      return response.end(SDK_SCRIPT)
    }
    if (path === '/probe.js') {
      // the page's first own script: what it finds of the client at that moment
      response.writeHead(200, { 'content-type': 'application/javascript; charset=utf-8' })
      return response.end('window.bridgeAtFirstScript = \'WeixinJSBridge\' in window')
    }
    if (path === '/shop.css') {
      response.writeHead(200, { 'content-type': 'text/css; charset=utf-8' })
      return response.end(HOSTILE_CSS)
    }
    if (request.method === 'POST') {
      // a notify_url for the orders a spec creates: acknowledged, and nothing else
      response.writeHead(204)
      return response.end()
    }
    if (path.startsWith('/sdk/')) {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': shopCsp })
      return response.end(`<!doctype html><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>店铺</title><script src="${MOCK_URL}/bridge.js"></script><script src="/probe.js"></script><link rel="stylesheet" href="/shop.css"><script src="/wx.js"></script><h1>店铺</h1>`)
    }
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
    response.end(`<!doctype html><meta charset="utf-8"><title>店铺</title><script src="${MOCK_URL}/bridge.js"></script>`)
  })
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  const port = (server.address() as AddressInfo).port
  return {
    url: `http://localhost:${port}`,
    foreignUrl: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>(resolve => server.close(() => resolve())),
  }
}

export type SdkResult = Record<string, unknown> & { errMsg: string }
type Sdk = Record<string, (options?: unknown) => void>

export interface ConfigOutcome {
  /** What wx.error received for this config, or null when it passed. */
  failure: SdkResult | null
  /** The checkJsApi made right after it: the bridge answers it after the config, by its outcome. */
  check: SdkResult
}

const NONCE = 'e2eNonce0123456'

/** Makes the mock issue a jsapi_ticket through its own cgi-bin endpoints, and reads it back as a test tool. */
export async function jsapiTicket(): Promise<string> {
  const token = await (await fetch(`${MOCK_URL}/cgi-bin/token?grant_type=client_credential&appid=${MOCK_APPID}&secret=${MOCK_SECRET}`)).json() as { access_token: string }
  await fetch(`${MOCK_URL}/cgi-bin/ticket/getticket?access_token=${token.access_token}&type=jsapi`)
  const { jsapiTicket } = await (await fetch(`${MOCK_URL}/__control/tokens`)).json() as { jsapiTicket: string | null }
  if (!jsapiTicket)
    throw new Error('the mock issued no jsapi_ticket')
  return jsapiTicket
}

/** wx.config's fields for `url`, signed as the API signs them (sha1 over ticket, nonce, timestamp, url). */
export function signedConfig(ticket: string, url: string, jsApiList: string[]) {
  const timestamp = Math.floor(Date.now() / 1000)
  const signature = createHash('sha1').update(`jsapi_ticket=${ticket}&noncestr=${NONCE}&timestamp=${timestamp}&url=${url}`).digest('hex')
  return { debug: false, appId: MOCK_APPID, timestamp, nonceStr: NONCE, signature, jsApiList }
}

/** Opens a page and waits for the client to announce its WeixinJSBridge, as the JS-SDK does. */
export async function openSdkPage(page: Page, url: string): Promise<void> {
  // the JS-SDK reports every config to WeChat with an image: nothing may leave the machine
  await page.route('https://open.weixin.qq.com/**', route => route.fulfill({ status: 204 }))
  await page.goto(url)
  await page.waitForFunction(() => 'WeixinJSBridge' in window)
}

export async function configure(page: Page, config: ReturnType<typeof signedConfig>): Promise<ConfigOutcome> {
  return page.evaluate(config => new Promise<ConfigOutcome>((resolve) => {
    const wx = (window as unknown as { wx: Sdk }).wx
    let failure: SdkResult | null = null
    wx.error!((res: SdkResult) => {
      failure = res
    })
    wx.config!(config)
    wx.checkJsApi!({ jsApiList: ['checkJsApi'], complete: (check: SdkResult) => resolve({ failure, check }) })
  }), config)
}

/** Calls one JS-SDK function and resolves with what its callbacks received. */
export function sdk(page: Page, api: string, options: Record<string, unknown> = {}): Promise<SdkResult> {
  return page.evaluate(([api, options]) => new Promise<SdkResult>((resolve) => {
    const wx = (window as unknown as { wx: Sdk }).wx
    wx[api]!({ ...options, complete: resolve })
  }), [api, options] as const)
}

/** The page's URL as the client checks it: no #fragment. */
export function pageUrl(page: Page): string {
  return page.url().split('#')[0]!
}
