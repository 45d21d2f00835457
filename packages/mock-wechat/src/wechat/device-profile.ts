import { wechatClientOf } from '@wxshop/shared'
import type { DeviceProfile } from '../state/call-log'

/**
 * The client a request comes from, by user agent: the shop's own rule (`wechatClientOf` in
 * @wxshop/shared), so the mock's call log names clients exactly as the SPA and the API tell them apart.
 */
export function deviceProfile(userAgent: string | undefined): DeviceProfile {
  return wechatClientOf(userAgent)
}
