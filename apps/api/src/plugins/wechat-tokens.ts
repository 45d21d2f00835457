import fp from 'fastify-plugin'
import type { BackoffOptions } from '../wechat/backoff'
import { createDbCredentialStore } from '../wechat/db-credential-store'
import { createFollowStatus, type FollowStatus } from '../wechat/follow-status'
import { createWechatServerApi, type WechatServerApi } from '../wechat/server-api'
import { createTokenService, type TokenService } from '../wechat/token-service'

declare module 'fastify' {
  interface FastifyInstance {
    /** The Official Account's access_token and jsapi_ticket (wechat/token-service.ts). */
    wechatTokens: TokenService
    /** WeChat server APIs with the token added and the retry rule applied: `wechatApi.get(path, query)`. */
    wechatApi: WechatServerApi
    /** Whether a user follows the Official Account (cached; null when unknown). */
    wechatFollowStatus: FollowStatus
  }
}

export interface WechatTokensPluginOptions {
  /** how -1 and timeouts are retried; tests pass a sleep that does not wait */
  backoff?: BackoffOptions
}

/** The token service on the database store, the server-API client on it, and the follow status. */
export default fp<WechatTokensPluginOptions>(async function wechatTokens(fastify, options) {
  const { wechat: config } = fastify.config
  const tokens = createTokenService({
    appId: config.appId,
    appSecret: config.appSecret,
    api: config.tokenApi,
    transport: fastify.wechat,
    store: createDbCredentialStore(fastify.db),
    log: fastify.log,
    backoff: options.backoff,
  })
  fastify.decorate('wechatTokens', tokens)
  const api = createWechatServerApi({ transport: fastify.wechat, tokens, backoff: options.backoff })
  fastify.decorate('wechatApi', api)
  fastify.decorate('wechatFollowStatus', createFollowStatus({ api }))
}, { name: 'wechat-tokens', dependencies: ['db', 'wechat'] })
