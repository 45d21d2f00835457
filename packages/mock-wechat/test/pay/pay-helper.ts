import { randomBytes } from 'node:crypto'
import type { LightMyRequestResponse } from 'fastify'
import { buildXml, parseXmlDocument } from '@wxshop/shared/wechat-message'
import { buildV3Authorization, MOCK_MERCHANT, MOCK_WECHAT_PAY_PLATFORM, prepayPackage, signV2, signV3, V2SignType, v3PaySign, v3RequestMessage, v3ResponseMessage, verifyV3 } from '@wxshop/shared/wechat-pay'
import type { MockWechat } from '../../src/app'
import { APPID, baseCode } from '../helper'

// Requests are signed here with MOCK_MERCHANT and the shared functions, as a shop does, never with
// the mock's own code: a mock that signs and verifies with the same mistake must fail these tests.

export const SHOP = 'http://localhost:3000'
export const DEVICE = '0123456789abcdef0123456789abcdef'
export const OTHER_DEVICE = 'fedcba9876543210fedcba9876543210'
export const PAYER = 'oPayAlice000000000000000001'
export const OTHER_USER = 'oPayBob00000000000000000002'
export const NOTIFY_URL = 'http://localhost:3000/api/pay/notify/v3'

export interface V3SignOptions {
  timestamp?: string
  serialNo?: string
  mchid?: string
  privateKey?: string
  /** the URL put in the signed message, when it should differ from the one sent */
  signedUrl?: string
  signedBody?: string
}

/** A v3 request as a shop sends it: Authorization over the URL as sent and the exact body bytes. */
export async function v3Request(app: MockWechat, method: 'GET' | 'POST', url: string, body?: unknown, options: V3SignOptions = {}) {
  const raw = body === undefined ? '' : typeof body === 'string' ? body : JSON.stringify(body)
  const timestamp = options.timestamp ?? String(Math.floor(app.store.now() / 1000))
  const nonce = randomBytes(16).toString('hex')
  const signature = signV3(v3RequestMessage(method, options.signedUrl ?? url, timestamp, nonce, options.signedBody ?? raw), options.privateKey ?? MOCK_MERCHANT.privateKey)
  const authorization = buildV3Authorization({ mchid: options.mchid ?? MOCK_MERCHANT.mchId, nonce_str: nonce, signature, timestamp, serial_no: options.serialNo ?? MOCK_MERCHANT.serialNo })
  return app.inject({
    method,
    url,
    headers: { authorization, accept: 'application/json', ...(method === 'POST' ? { 'content-type': 'application/json' } : {}) },
    ...(method === 'POST' ? { payload: raw } : {}),
  })
}

/** Whether a v3 answer is signed by the platform key over its raw body, as a shop checks it. */
export function platformSigned(response: LightMyRequestResponse): boolean {
  const h = response.headers
  return h['wechatpay-signature-type'] === 'WECHATPAY2-SHA256-RSA2048'
    && typeof h['request-id'] === 'string'
    && verifyV3(v3ResponseMessage(String(h['wechatpay-timestamp']), String(h['wechatpay-nonce']), response.body), String(h['wechatpay-signature']), MOCK_WECHAT_PAY_PLATFORM.publicKey)
}

export function jsapiBody(overrides: Record<string, unknown> = {}) {
  return {
    appid: APPID,
    mchid: MOCK_MERCHANT.mchId,
    description: '微选好物-订单 WX0001',
    out_trade_no: 'WX20261130000001',
    notify_url: NOTIFY_URL,
    amount: { total: 3990, currency: 'CNY' },
    payer: { openid: PAYER },
    ...overrides,
  }
}

/** The payer and another user, both following the account. */
export async function createUsers(app: MockWechat) {
  for (const user of [PAYER, OTHER_USER])
    await app.inject({ method: 'PUT', url: `/__control/users/${user}`, payload: { subscribe: 1 } })
}

/** Creates the payer persona (and another user) and links DEVICE to the payer, as a signed-in phone. */
export async function payerOnDevice(app: MockWechat, device = DEVICE, openid = PAYER) {
  await createUsers(app)
  await app.inject({ method: 'POST', url: '/__control/next-login', payload: { openid } })
  const code = await baseCode(app)
  await app.inject({ method: 'POST', url: '/__bridge/session', headers: { origin: SHOP }, payload: { device, code } })
}

/** A v3 order for PAYER; answers its prepay_id. */
export async function v3Prepay(app: MockWechat, overrides: Record<string, unknown> = {}): Promise<string> {
  const response = await v3Request(app, 'POST', '/v3/pay/transactions/jsapi', jsapiBody(overrides))
  if (response.statusCode !== 200)
    throw new Error(`prepay failed: ${response.statusCode} ${response.body}`)
  return response.json().prepay_id as string
}

export function bridgePay(app: MockWechat, payload: Record<string, unknown>) {
  return app.inject({ method: 'POST', url: '/__bridge/pay', headers: { origin: SHOP }, payload: { device: DEVICE, client: 'ios', pageUrl: `${SHOP}/orders/1/pay`, ...payload } })
}

export function bridgeComplete(app: MockWechat, ticket: string, action: 'confirm' | 'cancel' = 'confirm') {
  return app.inject({ method: 'POST', url: '/__bridge/pay/complete', headers: { origin: SHOP }, payload: { ticket, action } })
}

/** Places a v3 order (or uses `prepayId`) and the six bridge params the shop would sign for it. */
export async function validBridgeParams(app: MockWechat, prepayId?: string) {
  const id = prepayId ?? await v3Prepay(app)
  const unsigned = { appId: APPID, timeStamp: String(Math.floor(app.store.now() / 1000)), nonceStr: randomBytes(8).toString('hex'), package: prepayPackage(id), signType: 'RSA' }
  const params = { ...unsigned, paySign: v3PaySign(unsigned, MOCK_MERCHANT.privateKey) }
  return {
    params,
    /** Opens the pay sheet with these params and answers its ticket. */
    sheetTicket: async () => {
      const response = await bridgePay(app, { params })
      if (!response.json().ok)
        throw new Error(`pay sheet refused: ${response.body}`)
      return response.json().sheet.ticket as string
    },
  }
}

export const V2_NOTIFY_URL = 'http://localhost:3000/api/pay/notify'

/** The fields of a v2 unifiedorder for PAYER. */
export function unifiedOrderFields(overrides: Record<string, string | undefined> = {}): Record<string, string | undefined> {
  return {
    appid: APPID,
    mch_id: MOCK_MERCHANT.mchId,
    nonce_str: randomBytes(8).toString('hex'),
    body: '微选好物-订单 WX0002',
    out_trade_no: 'WX20261130000002',
    total_fee: '2590',
    spbill_create_ip: '127.0.0.1',
    notify_url: V2_NOTIFY_URL,
    trade_type: 'JSAPI',
    openid: PAYER,
    ...overrides,
  }
}

/** A v2 call as a shop makes it: the fields signed with the APIv2 key (A1), sent as XML; the answer's fields. */
export async function v2Call(app: MockWechat, path: string, fields: Record<string, string | undefined>, signType: V2SignType = V2SignType.Md5, key: string = MOCK_MERCHANT.apiV2Key) {
  const defined = Object.fromEntries(Object.entries(fields).filter((entry): entry is [string, string] => entry[1] !== undefined))
  const withType = signType === V2SignType.HmacSha256 ? { ...defined, sign_type: signType } : defined
  const xml = buildXml({ ...withType, sign: signV2(withType, key, signType) })
  const response = await app.inject({ method: 'POST', url: path, headers: { 'content-type': 'text/xml' }, payload: xml })
  return { response, fields: parseXmlDocument(response.body) as Record<string, string> }
}

/** A v2 order for PAYER; answers its prepay_id. */
export async function v2Prepay(app: MockWechat, signType: V2SignType = V2SignType.Md5, overrides: Record<string, string | undefined> = {}): Promise<string> {
  const { fields } = await v2Call(app, '/pay/unifiedorder', unifiedOrderFields(overrides), signType)
  if (fields.result_code !== 'SUCCESS')
    throw new Error(`unifiedorder failed: ${JSON.stringify(fields)}`)
  return fields.prepay_id!
}

/** The six bridge params of a v2 order, paySign by the A1 rule with the APIv2 key. */
export function v2BridgeParams(app: MockWechat, prepayId: string, signType: V2SignType = V2SignType.Md5) {
  const unsigned = { appId: APPID, timeStamp: String(Math.floor(app.store.now() / 1000)), nonceStr: randomBytes(8).toString('hex'), package: prepayPackage(prepayId), signType }
  return { ...unsigned, paySign: signV2(unsigned, MOCK_MERCHANT.apiV2Key, signType) }
}
