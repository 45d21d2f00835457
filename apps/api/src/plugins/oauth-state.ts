import type { OAuthScope } from '@wxshop/shared'
import type { FastifyReply, FastifyRequest } from 'fastify'
import fp from 'fastify-plugin'
import { callbackUrl } from '../auth/callback-url'
import { BROWSER_COOKIE, BROWSER_COOKIE_MAX_AGE_S, cookieOptions, OAUTH_STATE_TTL_MS, readSignedCookie } from '../auth/cookies'
import { randomToken, sha256Hex } from '../lib/random-token'
import type { ConsumedOAuthState } from '../repositories/oauth-state-repository'

export interface OAuthStates {
  /**
   * A fresh `state` bound to this browser, and the WeChat authorize URL carrying it. The one
   * implementation behind both `POST /api/auth/wechat/authorize` and the page fast path.
   */
  begin: (request: FastifyRequest, reply: FastifyReply, target: { scope: OAuthScope, returnTo: string }) => Promise<string>
  /** Uses a state once: undefined when it is unknown, another browser's, expired or already used. */
  consume: (request: FastifyRequest, state: string) => Promise<ConsumedOAuthState | undefined>
}

declare module 'fastify' {
  interface FastifyInstance {
    oauthStates: OAuthStates
  }
}

/**
 * OAuth `state` (CSRF protection for the WeChat callback). A state is 32 random bytes, stored only
 * as a hash next to the hash of this browser's `wxshop_bid` nonce, for 10 minutes and one use: a
 * code brought back with a state that another browser was given is refused.
 */
export default fp(async function oauthState(fastify) {
  const { config, oauthStateRepository, wechatOAuth } = fastify

  fastify.decorate('oauthStates', {
    async begin(request, reply, { scope, returnTo }) {
      const nonce = readSignedCookie(request, BROWSER_COOKIE) ?? randomToken()
      // Set again even when present, so the cookie always outlives the state made now.
      reply.setCookie(BROWSER_COOKIE, nonce, cookieOptions(config.publicUrl, BROWSER_COOKIE_MAX_AGE_S, true))
      const state = randomToken()
      const now = new Date()
      await oauthStateRepository.create({
        stateHash: sha256Hex(state),
        browserHash: sha256Hex(nonce),
        scope,
        returnTo,
        now,
        expiresAt: new Date(now.getTime() + OAUTH_STATE_TTL_MS),
      })
      return wechatOAuth.authorizeUrl({ scope, state, redirectUri: callbackUrl(config.publicUrl, returnTo) })
    },

    async consume(request, state) {
      const nonce = readSignedCookie(request, BROWSER_COOKIE)
      if (!nonce)
        return undefined
      return oauthStateRepository.consume(sha256Hex(state), sha256Hex(nonce), new Date())
    },
  } satisfies OAuthStates)
}, { name: 'oauth-state', dependencies: ['db', 'session', 'wechat'] })
