import { isPayDirectoryAllowed, prepayIdOf, TradeState, v2PaySign, verifyV3PaySign, type BridgePayParams } from '@wxshop/shared/wechat-pay'
import { Buffer } from 'node:buffer'
import { timingSafeEqual } from 'node:crypto'
import { deviceOwner } from '../oauth/device-owner'
import type { PayOrder } from '../state/pay-orders'
import type { Store } from '../state/store'
import { merchantOf } from './merchant'

export const PayErrMsg = {
  Ok: 'get_brand_wcpay_request:ok',
  Cancel: 'get_brand_wcpay_request:cancel',
  Fail: 'get_brand_wcpay_request:fail',
} as const
export type PayErrMsg = typeof PayErrMsg[keyof typeof PayErrMsg]

/** The dialogs the WeChat client shows (WECHAT-PAY.md §D). */
export const PayDialog = {
  missing: (name: string) => `调用支付JSAPI缺少参数：${name}`,
  unregistered: (url: string) => `当前页面的URL未注册：${url}`,
  // the client's answer to a bad package, an expired prepay_id and a foreign appId alike (FAQ)
  badOrder: '调用支付JSAPI缺少参数：total_fee',
  // real text unknown [choice]: says what is wrong
  otherUser: '支付失败：当前微信用户与下单用户不一致，请使用下单时的微信号支付',
  badSign: '支付验证签名失败',
} as const

export type BridgePayRefusal = { ok: false, errMsg: PayErrMsg, dialog: string | null }
export type BridgePayCheck = BridgePayRefusal | { ok: true, order: PayOrder, params: BridgePayParams }

// the order the client looks at them; the first missing is named
const PARAM_NAMES = ['appId', 'timeStamp', 'nonceStr', 'package', 'signType', 'paySign'] as const

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a)
  const y = Buffer.from(b)
  return x.length === y.length && timingSafeEqual(x, y)
}

/**
 * What the WeChat client checks when a page calls getBrandWCPayRequest (WECHAT-PAY.md §D 2–8), in
 * order; the first failure is the dialog the person sees. Check 1 (inside WeChat) is the in-page
 * client's: it is not there outside WeChat.
 */
export function checkBridgePay(store: Store, input: { device: string, pageUrl: string, params: unknown }): BridgePayCheck {
  const merchant = merchantOf(store.config)
  const fail = (dialog: string): BridgePayRefusal => ({ ok: false, errMsg: PayErrMsg.Fail, dialog })
  // 2: six params, every one a string (a number counts as missing); timeStamp whole seconds, 10 digits
  const given = typeof input.params === 'object' && input.params !== null && !Array.isArray(input.params) ? input.params as Record<string, unknown> : {}
  for (const name of PARAM_NAMES) {
    const value = given[name]
    if (typeof value !== 'string' || value === '' || (name === 'timeStamp' && !/^\d{10}$/.test(value)))
      return fail(PayDialog.missing(name))
  }
  const params = Object.fromEntries(PARAM_NAMES.map(name => [name, given[name] as string])) as unknown as BridgePayParams
  // 3: the page's directory is a registered JSAPI pay directory
  if (!isPayDirectoryAllowed(input.pageUrl, store.config.pay.directories))
    return fail(PayDialog.unregistered(input.pageUrl))
  // 4: a known prepay_id, younger than 2 h, of an order still unpaid and open
  const prepayId = prepayIdOf(params.package)
  const order = prepayId === undefined ? undefined : store.payOrders.byPrepayId(prepayId)
  if (!order || !store.payOrders.prepayLive(order, prepayId) || store.payOrders.stateOf(order) !== TradeState.NotPay)
    return fail(PayDialog.badOrder)
  // 5: the appId the order was placed with
  if (params.appId !== order.appid)
    return fail(PayDialog.badOrder)
  // 6: the phone's WeChat user is the payer the order names
  if (deviceOwner(store, input.device)?.openid !== order.openid)
    return fail(PayDialog.otherUser)
  // 7: v2 the unified order's sign_type, v3 RSA; 8: the paySign (both answer :cancel once dismissed)
  const badSign: BridgePayRefusal = { ok: false, errMsg: PayErrMsg.Cancel, dialog: PayDialog.badSign }
  if (params.signType !== (order.version === 'v2' ? order.sign_type : 'RSA'))
    return badSign
  const signed = order.version === 'v2'
    ? sameText(params.paySign, v2PaySign({ appId: params.appId, timeStamp: params.timeStamp, nonceStr: params.nonceStr, package: params.package, signType: params.signType }, merchant.apiV2Key))
    : verifyV3PaySign(params, merchant.publicKey)
  if (!signed)
    return badSign
  return { ok: true, order, params }
}
