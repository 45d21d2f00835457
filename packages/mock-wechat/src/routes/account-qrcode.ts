import { createHash } from 'node:crypto'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import QRCode from 'qrcode'

/** Modules of light margin around the symbol: the QR standard's quiet zone, which scanners need. */
const QUIET_ZONE = 4
/** Pixels per module in the SVG's nominal size (it scales freely). */
const MODULE_PX = 8

/**
 * The account's follow URL, as WeChat puts it in an Official Account's QR code (公众号二维码):
 * `http://weixin.qq.com/r/` and a 20-character code. Real codes are WeChat's; the mock's is derived
 * from the appId, so it stays the same across restarts and differs between accounts.
 */
function accountFollowUrl(appId: string): string {
  const code = createHash('sha256').update(`mock-wechat follow ${appId}`).digest('base64url').slice(0, 20)
  return `http://weixin.qq.com/r/${code}`
}

/** Dark modules as one path, a rectangle per horizontal run, on a white square with the quiet zone. */
function qrCodeSvg(text: string): string {
  const { size, data } = QRCode.create(text, { errorCorrectionLevel: 'M' }).modules
  const runs: string[] = []
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      if (!data[y * size + x])
        continue
      const start = x
      while (x + 1 < size && data[y * size + x + 1]) x++
      const width = x - start + 1
      runs.push(`M${start + QUIET_ZONE} ${y + QUIET_ZONE}h${width}v1h-${width}z`)
    }
  }
  const side = size + 2 * QUIET_ZONE
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${side * MODULE_PX}" height="${side * MODULE_PX}" viewBox="0 0 ${side} ${side}" shape-rendering="crispEdges">`
    + `<rect width="${side}" height="${side}" fill="#fff"/><path fill="#000" d="${runs.join('')}"/></svg>`
}

/**
 * GET /account-qrcode.svg: the Official Account's QR code, which the shop's follow prompt shows in
 * mock mode (the API's /api/config followQrUrl). A picture the mock draws, not a call to WeChat.
 * It never changes for an appId, so browsers may keep it; the shop's page is another origin (CORP).
 */
const accountQrcode: FastifyPluginAsyncTypebox = async (fastify) => {
  const svg = qrCodeSvg(accountFollowUrl(fastify.store.config.appId))
  fastify.get('/account-qrcode.svg', async (_request, reply) => {
    return reply
      .type('image/svg+xml')
      .header('cache-control', 'public, max-age=86400')
      .header('cross-origin-resource-policy', 'cross-origin')
      .send(svg)
  })
}

export default accountQrcode
