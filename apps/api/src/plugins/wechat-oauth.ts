import fp from 'fastify-plugin'
import { createWechatOAuthClient, type WechatOAuthClient } from '../wechat/oauth-client'

declare module 'fastify' {
  interface FastifyInstance {
    wechatOAuth: WechatOAuthClient
  }
}

export interface WechatOAuthPluginOptions {
  /** per WeChat call; 5 s unless a test wants a timeout sooner */
  timeoutMs?: number
}

/**
 * The WeChat web-authorisation client, as a decorator so routes share one and tests can spy on it
 * (`vi.spyOn(app.wechatOAuth, 'exchangeCode')`). It reaches WeChat (or the mock) only through the
 * configured base URLs.
 */
export default fp<WechatOAuthPluginOptions>(async function wechatOAuth(fastify, options) {
  const { wechat } = fastify.config
  fastify.decorate('wechatOAuth', createWechatOAuthClient({
    appId: wechat.appId,
    appSecret: wechat.appSecret,
    openBase: wechat.openBase,
    apiBase: wechat.apiBase,
    timeoutMs: options.timeoutMs,
    log: fastify.log,
  }))
}, { name: 'wechat-oauth' })
