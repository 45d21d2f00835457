import fp from 'fastify-plugin'
import { createLoginThrottle, type LoginThrottle } from '../auth/login-throttle'

declare module 'fastify' {
  interface FastifyInstance {
    loginThrottle: LoginThrottle
  }
}

/**
 * Counts failed logins per phone and per IP (in this process's memory: with several API instances
 * behind REDIS_URL, give createLoginThrottle a Redis FailureStore instead).
 */
export default fp(async function loginThrottle(fastify) {
  fastify.decorate('loginThrottle', createLoginThrottle())
}, { name: 'login-throttle' })
