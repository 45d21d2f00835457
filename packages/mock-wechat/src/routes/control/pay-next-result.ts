import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { ControlErrorSchema } from '../../schemas/control'
import { PayCloseWaitBodySchema, PayNextResultBodySchema } from '../../schemas/pay-control'

/**
 * POST /__control/pay/next-result { result: 'fail' }: the next getBrandWCPayRequest whose checks pass
 * answers `get_brand_wcpay_request:fail` with no dialog (PAY-BRIDGE-CONTRACT.md); each call queues one.
 * POST /__control/pay/close-wait { enabled }: closeorder's 5-minute rule on or off (off by default).
 */
const payNextResult: FastifyPluginAsyncTypebox = async (fastify) => {
  const { payControls } = fastify.store
  fastify.post('/pay/next-result', {
    schema: { body: PayNextResultBodySchema, response: { 200: Type.Object({ queued: Type.Integer() }), 400: ControlErrorSchema } },
  }, async () => ({ queued: payControls.queueFail() }))

  fastify.post('/pay/close-wait', {
    schema: { body: PayCloseWaitBodySchema, response: { 200: PayCloseWaitBodySchema, 400: ControlErrorSchema } },
  }, async (request) => {
    payControls.setCloseWait(request.body.enabled)
    return { enabled: payControls.closeWait }
  })
}

export default payNextResult
