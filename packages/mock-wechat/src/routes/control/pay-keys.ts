import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { MOCK_WECHAT_PAY_PLATFORM } from '@wxshop/shared/wechat-pay'
import { merchantOf } from '../../pay/merchant'
import { PayKeysSchema } from '../../schemas/pay-control'

/**
 * GET /__control/pay/keys: the mock merchant's ids and keys and the platform's key pair, so tests
 * can sign like the merchant and verify (or forge) like WeChat Pay. Test-only material (MOCK_MERCHANT).
 */
const payKeys: FastifyPluginAsyncTypebox = async (fastify) => {
  const { config } = fastify.store
  fastify.get('/pay/keys', { schema: { response: { 200: PayKeysSchema } } }, async () => {
    const merchant = merchantOf(config)
    return {
      mchid: merchant.mchid,
      appid: merchant.appid,
      apiV2Key: merchant.apiV2Key,
      apiV3Key: merchant.apiV3Key,
      merchantSerialNo: merchant.serialNo,
      merchantPublicKey: merchant.publicKey,
      platformPrivateKey: MOCK_WECHAT_PAY_PLATFORM.privateKey,
      platformPublicKey: MOCK_WECHAT_PAY_PLATFORM.publicKey,
      publicKeyId: MOCK_WECHAT_PAY_PLATFORM.publicKeyId,
      platformCertificateSerial: MOCK_WECHAT_PAY_PLATFORM.certificateSerial,
      platformCertificate: MOCK_WECHAT_PAY_PLATFORM.certificate,
      mode: config.pay.platformMode,
      directories: config.pay.directories,
    }
  })
}

export default payKeys
