import { parseV2Time, V2SignType } from '@wxshop/shared/wechat-pay'
import type { PayOrderParams } from '../state/pay-orders'
import type { Store } from '../state/store'
import type { Merchant } from './merchant'
import { notifyUrlIssue } from './notify-url'
import type { V2Request } from './v2-message'

/** What unifiedorder needs besides the common fields (WECHAT-PAY.md §A2; openid for JSAPI). */
export const UNIFIED_ORDER_REQUIRED = ['body', 'out_trade_no', 'total_fee', 'spbill_create_ip', 'notify_url', 'trade_type', 'openid'] as const

const TRADE_TYPES = ['JSAPI', 'NATIVE', 'APP', 'MWEB']
const chars = (text: string) => [...text].length

export type UnifiedOrderCheck
  = | { params: PayOrderParams }
    | { fail: string }
    | { refuse: { err_code: string, err_code_des: string } }

/**
 * The fields of a v2 unified order: a malformed one is an unsigned return_code=FAIL naming it, as
 * WeChat Pay's "<field>参数格式错误"; a foreign appid or openid is a signed business refusal.
 */
export function checkUnifiedOrder(request: V2Request, merchant: Merchant, store: Store): UnifiedOrderCheck {
  const f = request.fields
  if (chars(f.body!) > 127)
    return { fail: 'body参数长度有误' }
  if (f.attach !== undefined && chars(f.attach) > 127)
    return { fail: 'attach参数长度有误' }
  if (!/^[\w\-|*]{1,32}$/.test(f.out_trade_no!))
    return { fail: 'out_trade_no参数格式错误' }
  if (!/^[1-9]\d{0,9}$/.test(f.total_fee!))
    return { fail: 'total_fee参数格式错误' }
  if (f.fee_type !== undefined && f.fee_type !== 'CNY')
    return { fail: 'fee_type参数格式错误' }
  if (!TRADE_TYPES.includes(f.trade_type!))
    return { fail: 'trade_type参数格式错误' }
  let timeExpire: number | undefined
  if (f.time_expire !== undefined && f.time_expire !== '') {
    timeExpire = parseV2Time(f.time_expire)
    if (timeExpire === undefined)
      return { fail: 'time_expire参数格式错误' }
  }
  const urlIssue = notifyUrlIssue(f.notify_url, store.config, 'v2')
  if (urlIssue)
    return { fail: urlIssue }
  if (f.appid !== merchant.appid)
    return { refuse: { err_code: 'APPID_MCHID_NOT_MATCH', err_code_des: 'appid和mch_id不匹配' } }
  // the mock's merchant is enabled for JSAPI only
  if (f.trade_type !== 'JSAPI')
    return { refuse: { err_code: 'NOAUTH', err_code_des: '商户无此接口权限' } }
  // [obs] real answers PARAM_ERROR here, although the unifiedorder table does not list it
  if (!store.personas.get(f.openid!))
    return { refuse: { err_code: 'PARAM_ERROR', err_code_des: 'appid和openid不匹配' } }
  return {
    params: {
      version: 'v2',
      mchid: merchant.mchid,
      appid: f.appid,
      out_trade_no: f.out_trade_no!,
      sign_type: request.signType ?? V2SignType.Md5,
      description: f.body!,
      total: Number(f.total_fee),
      openid: f.openid!,
      notify_url: f.notify_url!,
      ...(f.attach ? { attach: f.attach } : {}),
      ...(timeExpire !== undefined ? { time_expire: timeExpire } : {}),
    },
  }
}
