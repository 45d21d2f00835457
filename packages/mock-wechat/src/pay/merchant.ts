import { MOCK_MERCHANT, MOCK_WECHAT_PAY_PLATFORM } from '@wxshop/shared/wechat-pay'
import { PlatformMode, type MockWechatConfig } from '../config'

/**
 * The one merchant the mock's WeChat Pay knows (WECHAT-PAY.md §C): MOCK_MERCHANT's ids and keys,
 * bound to the mock's Official Account. The mock holds only its public key: it verifies, never signs for it.
 */
export function merchantOf(config: MockWechatConfig) {
  return {
    mchid: MOCK_MERCHANT.mchId,
    appid: config.appId,
    apiV2Key: MOCK_MERCHANT.apiV2Key,
    apiV3Key: MOCK_MERCHANT.apiV3Key,
    serialNo: MOCK_MERCHANT.serialNo,
    publicKey: MOCK_MERCHANT.publicKey,
  }
}

export type Merchant = ReturnType<typeof merchantOf>

/** The Wechatpay-Serial of every response and notify: the PUB_KEY_ID_… or the platform certificate's serial. */
export function platformSerialOf(config: MockWechatConfig): string {
  return config.pay.platformMode === PlatformMode.Certificate ? MOCK_WECHAT_PAY_PLATFORM.certificateSerial : MOCK_WECHAT_PAY_PLATFORM.publicKeyId
}
