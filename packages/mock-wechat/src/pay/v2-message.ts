import { randomBytes } from 'node:crypto'
import { buildXml, parseXmlDocument } from '@wxshop/shared/wechat-message'
import { signV2, v2SignTypeOf, verifyV2, type V2SignType } from '@wxshop/shared/wechat-pay'
import type { Merchant } from './merchant'

/** A v2 request that passed the communication layer: its flat fields and the sign type it declared. */
export interface V2Request {
  fields: Record<string, string>
  signType: V2SignType
}

/** return_code=FAIL: unsigned, with only return_msg (WECHAT-PAY.md §A1, §A2 [choice]). */
export function v2Fail(returnMsg: string): string {
  return buildXml({ return_code: 'FAIL', return_msg: returnMsg })
}

/** return_code=SUCCESS: signed with the request's sign_type over every field written. */
export function v2Signed(merchant: Merchant, signType: V2SignType, fields: Record<string, string | undefined>): string {
  const written: Record<string, string> = { return_code: 'SUCCESS', return_msg: 'OK', appid: merchant.appid, mch_id: merchant.mchid, nonce_str: randomBytes(16).toString('hex') }
  for (const [name, value] of Object.entries(fields)) {
    if (value !== undefined)
      written[name] = value
  }
  return buildXml({ ...written, sign: signV2(written, merchant.apiV2Key, signType) })
}

/** A business refusal: return_code=SUCCESS, result_code=FAIL with err_code, signed. */
export function v2Refusal(merchant: Merchant, signType: V2SignType, errCode: string, errCodeDes: string): string {
  return v2Signed(merchant, signType, { result_code: 'FAIL', err_code: errCode, err_code_des: errCodeDes })
}

/**
 * The communication layer of every v2 call, in order: a body, well-formed flat XML, the fields
 * every call has, the merchant, a known sign_type, the fields this call needs, then the sign.
 * Answers the unsigned FAIL's return_msg, or the request.
 */
export function readV2Request(raw: unknown, merchant: Merchant, required: readonly string[]): V2Request | { fail: string } {
  const text = typeof raw === 'string' ? raw : ''
  if (text.trim() === '')
    return { fail: 'post数据为空' }
  let parsed
  try {
    parsed = parseXmlDocument(text)
  } catch {
    return { fail: 'XML格式错误' }
  }
  const fields: Record<string, string> = {}
  for (const [name, value] of Object.entries(parsed)) {
    if (typeof value !== 'string')
      return { fail: 'XML格式错误' }
    fields[name] = value
  }
  for (const name of ['appid', 'mch_id', 'nonce_str', 'sign', ...required]) {
    if (!fields[name]?.trim())
      return { fail: `缺少参数${name}` }
  }
  if (fields.mch_id !== merchant.mchid)
    return { fail: '商户号mch_id不存在' }
  const signType = v2SignTypeOf(fields.sign_type)
  if (!signType)
    return { fail: 'sign_type参数格式错误' }
  if (fields.nonce_str!.length > 32)
    return { fail: 'nonce_str参数长度有误' }
  if (!verifyV2(fields, merchant.apiV2Key, signType))
    return { fail: '签名错误，请检查后再试' }
  return { fields, signType }
}
