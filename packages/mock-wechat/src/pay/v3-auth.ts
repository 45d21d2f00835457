import { parseV3Authorization, v3RequestMessage, v3TimestampFresh, verifyV3 } from '@wxshop/shared/wechat-pay'
import type { Merchant } from './merchant'

/**
 * Checks a v3 request's Authorization header (WECHAT-PAY.md §B1): the shape, the merchant and its
 * serial_no, a timestamp within ±300 s [choice], and the signature over METHOD, the URL exactly as
 * sent, timestamp, nonce and the raw body. Answers the reason of a refusal (401 SIGN_ERROR), or undefined.
 */
export function refuseV3Request(header: string | undefined, method: string, rawUrl: string, rawBody: string, merchant: Merchant, nowMs: number): string | undefined {
  const auth = parseV3Authorization(header)
  if (!auth)
    return 'Authorization 头格式错误或缺失'
  if (auth.mchid !== merchant.mchid)
    return `商户号 ${auth.mchid} 不存在或证书未匹配`
  if (auth.serial_no.toUpperCase() !== merchant.serialNo.toUpperCase())
    return `商户证书序列号 ${auth.serial_no} 有误`
  if (!v3TimestampFresh(auth.timestamp, nowMs))
    return '请求时间戳已过期或无效'
  if (!verifyV3(v3RequestMessage(method, rawUrl, auth.timestamp, auth.nonce_str, rawBody), auth.signature, merchant.publicKey))
    return '签名错误'
  return undefined
}
