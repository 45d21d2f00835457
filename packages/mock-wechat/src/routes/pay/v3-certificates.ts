import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { randomBytes } from 'node:crypto'
import { X509Certificate } from 'node:crypto'
import { encryptResource, formatV3Time, MOCK_WECHAT_PAY_PLATFORM } from '@wxshop/shared/wechat-pay'
import { PlatformMode } from '../../config'
import { merchantOf } from '../../pay/merchant'
import { sendV3, sendV3Error } from '../../pay/v3-reply'

/**
 * GET /v3/certificates (WECHAT-PAY.md §C), certificate mode only: the platform certificate,
 * AEAD-encrypted with the APIv3 key (associated_data "certificate"), in an answer signed by the
 * very certificate it holds. In public-key mode the merchant has no platform certificate.
 */
const v3Certificates: FastifyPluginAsyncTypebox = async (fastify) => {
  const { store } = fastify
  const merchant = merchantOf(store.config)
  fastify.get('/v3/certificates', async (_request, reply) => {
    if (store.config.pay.platformMode !== PlatformMode.Certificate)
      return sendV3Error(reply, store, 404, { code: 'NOT_FOUND', message: '商户未使用平台证书，请使用微信支付公钥验签' })
    const certificate = new X509Certificate(MOCK_WECHAT_PAY_PLATFORM.certificate)
    const nonce = randomBytes(6).toString('hex')
    return sendV3(reply, store, 200, {
      data: [{
        serial_no: MOCK_WECHAT_PAY_PLATFORM.certificateSerial,
        effective_time: formatV3Time(Date.parse(certificate.validFrom)),
        expire_time: formatV3Time(Date.parse(certificate.validTo)),
        encrypt_certificate: encryptResource(merchant.apiV3Key, MOCK_WECHAT_PAY_PLATFORM.certificate, 'certificate', nonce),
      }],
    })
  })
}

export default v3Certificates
