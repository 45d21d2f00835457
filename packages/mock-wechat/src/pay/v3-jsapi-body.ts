import { OUT_TRADE_NO_PATTERN, parseV3Time } from '@wxshop/shared/wechat-pay'
import type { PayOrderParams } from '../state/pay-orders'
import type { Store } from '../state/store'
import type { Merchant } from './merchant'
import { notifyUrlIssue } from './notify-url'
import type { V3Error } from './v3-reply'

type Checked = { params: PayOrderParams } | { status: number, error: V3Error }

function paramError(field: string, value: unknown, issue: string): Checked {
  return { status: 400, error: { code: 'PARAM_ERROR', message: `${field}: ${issue}`, detail: { field, value: value ?? null, issue, location: 'body' } } }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

const chars = (text: string) => [...text].length

/**
 * The body of `POST /v3/pay/transactions/jsapi` (WECHAT-PAY.md §B3), checked field by field as
 * WeChat Pay does: 400 PARAM_ERROR with `detail` naming the field, then the merchant's binding.
 */
export function checkJsapiBody(body: unknown, merchant: Merchant, store: Store): Checked {
  if (!isObject(body))
    return paramError('body', body, '请求体不是 JSON 对象')
  const { appid, mchid, description, out_trade_no: outTradeNo, time_expire: timeExpire, attach, notify_url: notifyUrl, amount, payer } = body
  for (const [field, value] of [['appid', appid], ['mchid', mchid], ['description', description], ['out_trade_no', outTradeNo], ['notify_url', notifyUrl]] as const) {
    if (typeof value !== 'string' || value === '')
      return paramError(field, value, `输入源"/body/${field}"映射到字段"${field}"必填性规则校验失败，此字段为必填项`)
  }
  if (!isObject(amount) || amount.total === undefined)
    return paramError('amount.total', isObject(amount) ? amount.total : amount, '此字段为必填项')
  if (!isObject(payer) || typeof payer.openid !== 'string' || payer.openid === '')
    return paramError('payer.openid', isObject(payer) ? payer.openid : payer, '此字段为必填项')
  const total = amount.total
  if (typeof total !== 'number' || !Number.isInteger(total) || total < 1)
    return paramError('amount.total', total, '订单金额必须为大于0的整数（单位：分）')
  if (amount.currency !== undefined && amount.currency !== 'CNY')
    return paramError('amount.currency', amount.currency, '币种只支持CNY')
  if (chars(description as string) > 127)
    return paramError('description', description, '字段长度超过127')
  if (!OUT_TRADE_NO_PATTERN.test(outTradeNo as string))
    return paramError('out_trade_no', outTradeNo, '商户订单号只能是6-32位数字、大小写字母及_-|*')
  if (attach !== undefined && (typeof attach !== 'string' || chars(attach) > 128))
    return paramError('attach', attach, '附加数据须为不超过128字符的字符串')
  let expireMs: number | undefined
  if (timeExpire !== undefined) {
    expireMs = typeof timeExpire === 'string' ? parseV3Time(timeExpire) : undefined
    if (expireMs === undefined)
      return paramError('time_expire', timeExpire, '时间格式须为rfc3339格式，如2018-06-08T10:34:56+08:00')
  }
  const urlIssue = notifyUrlIssue(notifyUrl, store.config, 'v3')
  if (urlIssue)
    return paramError('notify_url', notifyUrl, urlIssue)
  if (mchid !== merchant.mchid)
    return { status: 400, error: { code: 'MCH_NOT_EXISTS', message: '商户号不存在' } }
  if (appid !== merchant.appid)
    return { status: 400, error: { code: 'APPID_MCHID_NOT_MATCH', message: 'appid和mch_id不匹配' } }
  // the openid must be a user of that appid
  if (!store.personas.get(payer.openid))
    return paramError('payer.openid', payer.openid, 'openid和appid不匹配')
  return {
    params: {
      version: 'v3',
      mchid,
      appid,
      out_trade_no: outTradeNo as string,
      description: description as string,
      total,
      openid: payer.openid,
      notify_url: notifyUrl as string,
      ...(attach !== undefined ? { attach } : {}),
      ...(expireMs !== undefined ? { time_expire: expireMs } : {}),
    },
  }
}
