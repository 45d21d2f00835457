import fp from 'fastify-plugin'

/**
 * In mock mode, index.html loads the mock WeChat's in-page client (`GET /bridge.js` on the mock's
 * origin): it plays the phone's `WeixinJSBridge`, so the official JS-SDK runs unmodified. A classic
 * script in <head> runs before the SPA's module script, as the real client's bridge is there first.
 * Live mode never adds it: real WeChat brings its own bridge.
 */
export default fp(async function mockBridge(fastify) {
  const { wechat } = fastify.config
  if (wechat.mode !== 'mock')
    return
  fastify.indexHtml.inject(`<script src="${escapeAttribute(`${wechat.openBase}/bridge.js`)}"></script>`)
}, { name: 'mock-bridge', dependencies: ['index-html'] })

/** The base URL comes from configuration; it is still text put into HTML. */
function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;')
}
