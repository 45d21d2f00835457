import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { ControlErrorSchema, ScanResultBodySchema } from '../../schemas/control'

/**
 * POST /__control/scan-result { text }: what the next wx.scanQRCode returns, after those queued
 * before it. The text comes back as is: queue `EAN_13,6901234567892` to play a barcode as WeChat
 * reports it.
 */
const scanResult: FastifyPluginAsyncTypebox = async (fastify) => {
  fastify.post('/scan-result', {
    schema: {
      body: ScanResultBodySchema,
      response: { 200: Type.Object({ queued: Type.Integer() }), 400: ControlErrorSchema },
    },
  }, async request => ({ queued: fastify.store.scanResults.push(request.body.text) }))
}

export default scanResult
