import fp from 'fastify-plugin'
import { createWechatOAuthClient, type WechatOAuthClient } from '../wechat/oauth-client'
import { createWechatTransport, type WechatTransport } from '../wechat/transport'

declare module 'fastify' {
  interface FastifyInstance {
    /** The one HTTP transport to WeChat (open, api, pay): the token service and pay build on it too. */
    wechat: WechatTransport
    /** Web authorisation (spy on it in tests: `vi.spyOn(app.wechatOAuth, 'exchangeCode')`). */
    wechatOAuth: WechatOAuthClient
  }
}

export interface WechatPluginOptions {
  /** per WeChat call; 5 s unless a test wants a timeout sooner */
  timeoutMs?: number
}

/**
 * WeChat, reached only through the configured base URLs (the real platform or the mock: this code
 * cannot tell which). Each client is built on the shared `wechat` transport; add the next ones
 * (access_token/jsapi_ticket service, pay) here the same way.
 */
export default fp<WechatPluginOptions>(async function wechat(fastify, options) {
  const { wechat: config } = fastify.config
  const transport = createWechatTransport({
    bases: { open: config.openBase, api: config.apiBase, pay: config.payBase },
    timeoutMs: options.timeoutMs,
    log: fastify.log,
  })
  fastify.decorate('wechat', transport)
  fastify.addHook('onClose', async () => transport.close())
  fastify.decorate('wechatOAuth', createWechatOAuthClient({
    appId: config.appId,
    appSecret: config.appSecret,
    openBase: config.openBase,
    transport,
  }))
}, { name: 'wechat' })
