import rateLimit, { normalizeIP, type RateLimitPluginOptions } from '@fastify/rate-limit'
import { ErrorCode } from '@wxshop/shared'
import type { FastifyReply, FastifyRequest } from 'fastify'
import fp from 'fastify-plugin'
import type { AppConfig } from '../config'
import { ApiError } from '../errors'

export type LimitVerdict = { allowed: true } | { allowed: false, retryAfterMs: number }

export interface RequestLimiter {
  /** Counts this request against its address's budget and says whether it is within it. */
  check: (request: FastifyRequest) => Promise<LimitVerdict>
  /** The same as a route hook: over budget answers 429 RATE_LIMITED with Retry-After. */
  enforce: (request: FastifyRequest, reply: FastifyReply) => Promise<void>
}

declare module 'fastify' {
  interface FastifyInstance {
    /**
     * Anonymous requests that write an OAuth state row (the authorize route and the page fast
     * path) share one budget per address, so nobody can fill the table by reloading a page.
     */
    oauthStateLimit: RequestLimiter
  }
}

export interface RateLimitsOptions {
  /**
   * OAuth states one address may start per window (default 120 per minute). Generous on purpose:
   * mobile carriers put many WeChat users behind one address (CGNAT), and a user over the budget
   * cannot sign in. It bounds what one address can write, about 1200 rows per state lifetime.
   */
  oauthStates?: { max: number, timeWindowMs: number }
}

const RATE_LIMITED = '请求过于频繁，请稍后再试'

/**
 * Where the counters live: this process's memory today. With several API instances (REDIS_URL),
 * this is the one place to change: return `{ redis: new Redis(config.redisUrl) }` (ioredis) or a
 * `store` of our own, and every limiter built here shares it.
 */
function counterStorage(_config: AppConfig): Pick<RateLimitPluginOptions, 'redis' | 'store'> {
  return {}
}

/** @fastify/rate-limit, with no global limit: each limiter is made here and exposed as a decorator. */
export default fp<RateLimitsOptions>(async function rateLimits(fastify, options) {
  await fastify.register(rateLimit, { global: false, ...counterStorage(fastify.config) })

  const oauthStates = options.oauthStates ?? { max: 120, timeWindowMs: 60 * 1000 }
  fastify.decorate('oauthStateLimit', requestLimiter(fastify.createRateLimit({
    max: oauthStates.max,
    timeWindow: oauthStates.timeWindowMs,
    // prefixed: limiters made by createRateLimit share one namespace in a Redis store
    keyGenerator: request => `oauth-state|${normalizeIP(request.ip)}`,
  })))
}, { name: 'rate-limit', dependencies: ['error-handler'] })

type Limiter = ReturnType<FastifyRequest['server']['createRateLimit']>

function requestLimiter(limit: Limiter): RequestLimiter {
  async function check(request: FastifyRequest): Promise<LimitVerdict> {
    const result = await limit(request)
    if (result.isAllowed || !result.isExceeded)
      return { allowed: true }
    return { allowed: false, retryAfterMs: result.ttl }
  }
  return {
    check,
    async enforce(request, reply) {
      const verdict = await check(request)
      if (!verdict.allowed) {
        reply.header('retry-after', String(Math.max(1, Math.ceil(verdict.retryAfterMs / 1000))))
        throw new ApiError(429, ErrorCode.RateLimited, RATE_LIMITED)
      }
    },
  }
}
