// The mock WeChat's control API, over HTTP like any other client (e2e never imports the mock).
import { randomBytes } from 'node:crypto'
import type { BrowserContext } from '@playwright/test'
import { MOCK_URL } from './servers'

export interface WechatUserFields {
  nickname?: string
  headimgurl?: string
  sex?: 0 | 1 | 2
  unionid?: string
  /** 1: follows the Official Account, 0: does not (the mock's default for a new persona) */
  subscribe?: 0 | 1
  /** The address book wx.openAddress offers ([]: none); unset, two addresses the mock makes up. */
  addresses?: WechatAddress[]
}

/** One address as wx.openAddress hands it to the page (`countryName` is the district). */
export interface WechatAddress {
  userName: string
  telNumber: string
  postalCode: string
  provinceName: string
  cityName: string
  countryName: string
  detailInfo: string
  nationalCode: string
}

/** What the mock's push sender reports (POST /__control/push). */
export interface PushResult {
  mode: 'plain' | 'compat' | 'safe'
  /** the plaintext push it sent */
  xml: string
  delivered: boolean
  answer: { raw: string, empty: boolean, success: boolean, sealed: boolean, reply?: Record<string, unknown>, problem?: string } | null
}

/** What a page registered for sharing, as the mock's client recorded it (newest first). */
export interface RecordedShare {
  api: 'updateAppMessageShareData' | 'updateTimelineShareData'
  title: string
  desc?: string
  link: string
  imgUrl: string
  pageUrl: string
  client: string
}

/** An order as the mock's WeChat Pay holds it (GET /__control/pay/orders). */
export interface MockPayOrder {
  version: 'v2' | 'v3'
  out_trade_no: string
  sign_type?: string
  total: number
  openid: string
  trade_state: string
  transaction_id?: string
  notifyAcknowledged: boolean
  notifyAttempts: Array<{ status: number | null, acknowledged: boolean, error?: string }>
}

/** A template or customer-service message the shop sent through the mock (newest first). */
export interface SentMessage {
  kind: string
  touser: string
  body: Record<string, unknown>
}

async function control(method: string, path: string, body?: unknown): Promise<unknown> {
  // the mock refuses control POST/PUT bodies that are not JSON, an empty one included
  const response = await fetch(`${MOCK_URL}/__control/${path}`, {
    method,
    headers: method === 'GET' ? {} : { 'content-type': 'application/json' },
    body: method === 'GET' ? undefined : JSON.stringify(body ?? {}),
  })
  if (!response.ok)
    throw new Error(`mock control ${method} ${path} answered ${response.status}: ${await response.text()}`)
  return response.json()
}

/** A fresh openid, so every test is a stranger to the shop. */
export function newOpenid(): string {
  return `oE2E${randomBytes(18).toString('base64url').slice(0, 24)}`
}

export const mockWechat = {
  /**
   * Forgets users, codes, OAuth tokens, next-login, queued faults, the call log, shares and scans.
   * Keeps the global access_token and jsapi_ticket: the e2e API outlives every test and holds them
   * in its database, as a shop does against real WeChat, which never forgets them.
   */
  reset: () => control('POST', 'reset', { keep: ['server_credentials'] }),
  putUser: (openid: string, fields: WechatUserFields) => control('PUT', `users/${openid}`, fields),
  /** Who the next authorize visit is (snsapi_base: silent), whatever browser makes it. */
  nextLogin: (openid: string) => control('POST', 'next-login', { openid }),
  fail: (path: string, errcode: number | 'timeout', times = 1) => control('POST', 'fail', { path, errcode, times }),
  expire: (what: 'codes' | 'oauth_access_token' | 'oauth_refresh_token' | 'access_token' | 'jsapi_ticket') => control('POST', 'expire', { what }),
  /** What pages registered for sharing since the last reset, newest first. */
  async shares(): Promise<RecordedShare[]> {
    return (await control('GET', 'shares') as { shares: RecordedShare[] }).shares
  },
  /** What the next wx.scanQRCode returns, without anybody at the scanner. */
  queueScan: (text: string) => control('POST', 'scan-result', { text }),
  /** WeChat pushes a user's message or event to the shop's server URL; answers what the shop replied. */
  push: (fields: Record<string, unknown>, mode?: 'plain' | 'compat' | 'safe') => control('POST', 'push', { fields, ...(mode ? { mode } : {}) }) as Promise<PushResult>,
  /** The same, with the push's XML as written (e.g. WeChat's retry of one it got no answer to). */
  pushXml: (xml: string, mode?: 'plain' | 'compat' | 'safe') => control('POST', 'push', { xml, ...(mode ? { mode } : {}) }) as Promise<PushResult>,
  /** The mock WeChat Pay's order for this out_trade_no, once it has one. */
  async payOrder(orderNo: string): Promise<MockPayOrder | undefined> {
    return (await control('GET', 'pay/orders') as { orders: MockPayOrder[] }).orders.find(order => order.out_trade_no === orderNo)
  },
  /** WeChat Pay sends `times` notifies for a paid order at once (`probe`: wrongly signed on purpose); what the shop answered each. */
  async payNotify(orderNo: string, kind: 'success' | 'probe', times = 1): Promise<Array<{ status: number | null, acknowledged: boolean }>> {
    return (await control('POST', 'pay/notify', { orderNo, kind, times }) as { answers: Array<{ status: number | null, acknowledged: boolean }> }).answers
  },
  /** The next pay sheet fails (get_brand_wcpay_request:fail) once WeChat's checks pass. */
  failNextPayment: () => control('POST', 'pay/next-result', { result: 'fail' }),
  /** The mock merchant's keys, to sign a notify as WeChat Pay would. */
  payKeys: () => control('GET', 'pay/keys') as Promise<{ mchid: string, appid: string, apiV3Key: string, platformPrivateKey: string, publicKeyId: string }>,
  /** Template and customer-service messages the shop sent, newest first. */
  async messages(): Promise<SentMessage[]> {
    return (await control('GET', 'messages') as { messages: SentMessage[] }).messages
  },
  /** How many times WeChat was asked for this path so far. */
  async callCount(path: string): Promise<number> {
    const answer = await control('GET', `calls?path=${encodeURIComponent(path)}`) as { count: number }
    return answer.count
  },
}

/** Makes `openid` the owner of the phone this browser context plays. */
export async function actAs(context: BrowserContext, openid: string): Promise<void> {
  await context.addCookies([{ name: 'mockwx_user', value: openid, url: MOCK_URL }])
}
