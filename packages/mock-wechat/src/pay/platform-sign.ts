import { randomBytes, randomUUID } from 'node:crypto'
import { MOCK_WECHAT_PAY_PLATFORM, SIGNTEST_PREFIX, signV3, V3_AUTH_SCHEMA, v3ResponseMessage } from '@wxshop/shared/wechat-pay'
import type { MockWechatConfig } from '../config'
import { platformSerialOf } from './merchant'

/**
 * The Wechatpay-* headers of a v3 response or notify (WECHAT-PAY.md §B2): the platform key's
 * SHA256withRSA over `timestamp\nnonce\nbody\n`, with a fresh timestamp and nonce each time.
 * `probe` writes a WECHATPAY/SIGNTEST/ signature, which a shop must refuse.
 */
export function platformHeaders(config: MockWechatConfig, nowMs: number, body: string, probe = false): Record<string, string> {
  const timestamp = String(Math.floor(nowMs / 1000))
  const nonce = randomBytes(16).toString('hex').toUpperCase()
  const signature = probe
    ? `${SIGNTEST_PREFIX}${randomBytes(192).toString('base64')}`
    : signV3(v3ResponseMessage(timestamp, nonce, body), MOCK_WECHAT_PAY_PLATFORM.privateKey)
  return {
    'wechatpay-timestamp': timestamp,
    'wechatpay-nonce': nonce,
    'wechatpay-signature': signature,
    'wechatpay-serial': platformSerialOf(config),
    'wechatpay-signature-type': V3_AUTH_SCHEMA,
  }
}

/** WeChat Pay's Request-ID header: one id per answer, quoted in support tickets. */
export function newRequestId(): string {
  return `08${randomUUID().replaceAll('-', '').toUpperCase()}`
}
