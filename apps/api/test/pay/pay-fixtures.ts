import { randomBytes } from 'node:crypto'
import { buildXml } from '@wxshop/shared/wechat-message'
import {
  encryptResource, formatV2Time, formatV3Time, MOCK_MERCHANT, MOCK_WECHAT_PAY_PLATFORM, signV2, signV3, v3ResponseMessage, type V2SignType,
} from '@wxshop/shared/wechat-pay'
import type { App } from '../../src/app'
import type { OrderRow } from '../../src/repositories/order-repository'
import { createBrowser, newOpenid, visitWechat, wechatLogin, type Browser } from '../auth-flow'
import { TEST_PUBLIC_URL, type MockWechatServer } from '../mock-wechat'

// Shoppers, orders and WeChat Pay's notifies for the pay tests. Notifies are signed here with the
// mock platform's TEST-ONLY keys (@wxshop/shared/wechat-pay), byte for byte as WeChat Pay signs them,
// because in tests the app answers app.inject and not a port the mock could post to.

export const PASSWORD = 'secret123'
let phones = 0
function newPhone(): string {
  phones += 1
  return `139${String(process.pid % 1e4).padStart(4, '0')}${String(phones).padStart(4, '0')}`
}

export interface Shopper {
  browser: Browser
  openid: string
  accountId: number
}

/** A WeChat user (known to the mock) logged in and bound to a new shop account. */
export async function shopper(app: App, mock: MockWechatServer): Promise<Shopper> {
  const openid = newOpenid()
  await mock.control('PUT', `/users/${openid}`, { nickname: '买家', subscribe: 1 })
  const { browser } = await wechatLogin(app, mock, { openid, browser: createBrowser(app) })
  const registered = await browser.post('/api/account/register', { phone: newPhone(), password: PASSWORD })
  if (registered.statusCode !== 200)
    throw new Error(`register answered ${registered.statusCode}: ${registered.body}`)
  return { browser, openid, accountId: registered.json().account.id }
}

/**
 * An unpaid order of the shopper's, placed through POST /api/orders (server prices, stock reserved):
 * `lines` are [productId, quantity] of the demo catalog. `expiresInMs` moves its expires_at, for
 * orders whose pay time has run out.
 */
export async function placeOrder(app: App, who: Shopper, lines: Array<[number, number]> = [[1, 2]], expiresInMs?: number): Promise<OrderRow> {
  const response = await who.browser.post('/api/orders', {
    items: lines.map(([productId, quantity]) => ({ productId, quantity })),
    address: { name: '张三', phone: '13800138000', province: '广东省', city: '深圳市', district: '南山区', detail: '科技园1号' },
  })
  if (response.statusCode !== 201)
    throw new Error(`POST /api/orders answered ${response.statusCode}: ${response.body}`)
  const { id } = response.json() as { id: number }
  if (expiresInMs !== undefined)
    await app.db.updateTable('orders').set({ expires_at: new Date(Date.now() + expiresInMs).toISOString() }).where('id', '=', id).execute()
  return orderRow(app, id)
}

export function orderRow(app: App, id: number): Promise<OrderRow> {
  return app.db.selectFrom('orders').selectAll().where('id', '=', id).executeTakeFirstOrThrow()
}

export async function product(app: App, id: number): Promise<{ stock: number, sales: number }> {
  return app.db.selectFrom('products').select(['stock', 'sales']).where('id', '=', id).executeTakeFirstOrThrow()
}

export async function orderMessageCount(app: App, orderId: number): Promise<number> {
  const rows = await app.db.selectFrom('order_messages').select('id').where('order_id', '=', orderId).execute()
  return rows.length
}

let transactions = 0
export function transactionId(): string {
  transactions += 1
  return `4200${String(Date.now()).slice(-10)}${String(transactions).padStart(14, '0')}`.slice(0, 28)
}

export interface PaidFields {
  orderNo: string
  totalFen: number
  openid: string
  transactionId?: string
  mchid?: string
  appid?: string
}

/** A v3 transaction as the notify resource carries it (WECHAT-PAY.md §B4). */
export function v3Transaction(app: App, paid: PaidFields): Record<string, unknown> {
  return {
    appid: paid.appid ?? app.config.wechat.appId,
    mchid: paid.mchid ?? MOCK_MERCHANT.mchId,
    out_trade_no: paid.orderNo,
    transaction_id: paid.transactionId ?? transactionId(),
    trade_type: 'JSAPI',
    trade_state: 'SUCCESS',
    trade_state_desc: '支付成功',
    bank_type: 'OTHERS',
    attach: '',
    success_time: formatV3Time(Date.now()),
    payer: { openid: paid.openid },
    amount: { total: paid.totalFen, payer_total: paid.totalFen, currency: 'CNY', payer_currency: 'CNY' },
  }
}

export interface V3NotifyOptions {
  /** the signature header as sent (default: a real signature) */
  signature?: string
  serial?: string
  /** seconds added to now for Wechatpay-Timestamp */
  timestampOffset?: number
  /** sign with this private key instead of the platform's */
  privateKey?: string
  apiV3Key?: string
}

/** A v3 notify request (headers and raw body), signed as WeChat Pay signs it. */
export function v3Notify(transaction: Record<string, unknown>, options: V3NotifyOptions = {}): { headers: Record<string, string>, body: string } {
  const nonce = randomBytes(6).toString('hex')
  const resource = encryptResource(options.apiV3Key ?? MOCK_MERCHANT.apiV3Key, JSON.stringify(transaction), 'transaction', nonce)
  const body = JSON.stringify({
    id: `EV-${randomBytes(8).toString('hex')}`,
    create_time: formatV3Time(Date.now()),
    resource_type: 'encrypt-resource',
    event_type: 'TRANSACTION.SUCCESS',
    summary: '支付成功',
    resource: { original_type: 'transaction', ...resource },
  })
  const timestamp = String(Math.floor(Date.now() / 1000) + (options.timestampOffset ?? 0))
  const headerNonce = randomBytes(16).toString('hex')
  const signature = options.signature ?? signV3(v3ResponseMessage(timestamp, headerNonce, body), options.privateKey ?? MOCK_WECHAT_PAY_PLATFORM.privateKey)
  return {
    body,
    headers: {
      'content-type': 'application/json',
      'wechatpay-timestamp': timestamp,
      'wechatpay-nonce': headerNonce,
      'wechatpay-signature': signature,
      'wechatpay-serial': options.serial ?? MOCK_WECHAT_PAY_PLATFORM.publicKeyId,
      'wechatpay-signature-type': 'WECHATPAY2-SHA256-RSA2048',
    },
  }
}

export function postV3Notify(app: App, notify: { headers: Record<string, string>, body: string }) {
  return app.inject({ method: 'POST', url: '/api/pay/notify/v3', headers: notify.headers, payload: notify.body })
}

/** v2 notify fields (WECHAT-PAY.md §A4), signed with the APIv2 key and `signType`. */
export function v2NotifyXml(app: App, paid: PaidFields, signType: V2SignType = 'MD5', overrides: Record<string, string> = {}): string {
  const fields: Record<string, string> = {
    appid: paid.appid ?? app.config.wechat.appId,
    mch_id: paid.mchid ?? MOCK_MERCHANT.mchId,
    nonce_str: randomBytes(8).toString('hex'),
    result_code: 'SUCCESS',
    return_code: 'SUCCESS',
    openid: paid.openid,
    is_subscribe: 'Y',
    trade_type: 'JSAPI',
    bank_type: 'OTHERS',
    total_fee: String(paid.totalFen),
    fee_type: 'CNY',
    cash_fee: String(paid.totalFen),
    transaction_id: paid.transactionId ?? transactionId(),
    out_trade_no: paid.orderNo,
    time_end: formatV2Time(Date.now()),
    ...(signType === 'HMAC-SHA256' ? { sign_type: 'HMAC-SHA256' } : {}),
    ...overrides,
  }
  fields.sign = overrides.sign ?? signV2(fields, MOCK_MERCHANT.apiV2Key, signType)
  return buildXml(fields)
}

export function postV2Notify(app: App, xml: string, contentType = 'text/xml') {
  return app.inject({ method: 'POST', url: '/api/pay/notify', headers: { 'content-type': contentType }, payload: xml })
}

export const V2_SUCCESS = '<xml><return_code><![CDATA[SUCCESS]]></return_code><return_msg><![CDATA[OK]]></return_msg></xml>'

/** The shopper's phone at the mock: a device the mock's in-page client links to their WeChat user. */
export async function phoneOf(mock: MockWechatServer, who: Shopper): Promise<string> {
  const device = randomBytes(16).toString('hex')
  await mock.control('POST', '/next-login', { openid: who.openid, consent: 'allow' })
  const authorize = await who.browser.post('/api/auth/wechat/authorize', { scope: 'snsapi_base', returnTo: '/' })
  const callback = await visitWechat(authorize.json().url)
  const linked = await bridge(mock, '/__bridge/session', { device, code: callback.code })
  if (linked.user?.openid !== who.openid)
    throw new Error(`the mock did not link the device to ${who.openid}: ${JSON.stringify(linked)}`)
  return device
}

/** The mock's bridge answers, loosely: the tests read the fields they need. */
interface BridgeAnswer {
  ok?: boolean
  errMsg: string
  dialog?: string | null
  sheet: { ticket: string, totalFen: number }
  user?: { openid: string } | null
}

async function bridge(mock: MockWechatServer, path: string, body: unknown): Promise<BridgeAnswer> {
  const response = await fetch(`${mock.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', 'origin': TEST_PUBLIC_URL }, body: JSON.stringify(body) })
  return response.json() as Promise<BridgeAnswer>
}

/**
 * What the WeChat client does with getBrandWCPayRequest on the order page: the mock's checks, then
 * the person's press on the pay sheet. Answers err_msg (and the dialog of a refusal).
 */
export async function payOnPhone(mock: MockWechatServer, device: string, params: unknown, action: 'confirm' | 'cancel' = 'confirm'): Promise<{ errMsg: string, dialog?: string | null, totalFen?: number }> {
  const opened = await bridge(mock, '/__bridge/pay', { device, client: 'ios', pageUrl: `${TEST_PUBLIC_URL}/orders/1`, params })
  if (!opened.ok)
    return { errMsg: opened.errMsg, dialog: opened.dialog }
  const done = await bridge(mock, '/__bridge/pay/complete', { ticket: opened.sheet.ticket, action })
  return { errMsg: done.errMsg, totalFen: opened.sheet.totalFen }
}

/** How many calls the mock received on `path`. */
export async function callCount(mock: MockWechatServer, path: string): Promise<number> {
  const answer = await mock.control<{ calls: unknown[] }>('GET', `/calls?path=${encodeURIComponent(path)}`)
  return answer.calls.length
}

export interface SentTemplate {
  touser: string
  body: { template_id: string, url: string, data: Record<string, { value: string }> }
}

/** The template messages the mock received for this user. */
export async function templatesTo(mock: MockWechatServer, openid: string): Promise<SentTemplate[]> {
  const { messages } = await mock.control<{ messages: Array<SentTemplate & { kind: string }> }>('GET', '/messages')
  return messages.filter(message => message.kind === 'template' && message.touser === openid)
}
