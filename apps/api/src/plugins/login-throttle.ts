import fp from 'fastify-plugin'
import { createAttemptLimiter, createMemoryFailureStore } from '../auth/attempt-limiter'
import { createLoginThrottle, type LoginThrottle } from '../auth/login-throttle'
import { createRegisterThrottle, type RegisterThrottle } from '../auth/register-throttle'

declare module 'fastify' {
  interface FastifyInstance {
    loginThrottle: LoginThrottle
    registerThrottle: RegisterThrottle
  }
}

/**
 * Attempt limits for login and registration, counted in one store. It is this process's memory:
 * with several API instances behind REDIS_URL, give createAttemptLimiter a Redis FailureStore here
 * (the one place to change).
 */
export default fp(async function loginThrottle(fastify) {
  const limiter = createAttemptLimiter({ store: createMemoryFailureStore() })
  fastify.decorate('loginThrottle', createLoginThrottle(limiter))
  fastify.decorate('registerThrottle', createRegisterThrottle(limiter))
}, { name: 'login-throttle' })
