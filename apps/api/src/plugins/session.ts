import cookie from '@fastify/cookie'
import type { FastifyRequest } from 'fastify'
import fp from 'fastify-plugin'
import { createSessionManager, type Session, type SessionManager } from '../auth/session-manager'

declare module 'fastify' {
  interface FastifyRequest {
    /**
     * This request's session, or null: read from the cookie and the database on the first call,
     * then remembered for the rest of the request. Expired sessions count as none (and are deleted).
     */
    getSession: () => Promise<Session | null>
  }
  interface FastifyInstance {
    sessions: SessionManager
  }
}

/** Cookies (signed with SESSION_SECRET) and the server-side session behind `wxshop_sid`. */
export default fp(async function session(fastify) {
  const { config, db } = fastify
  await fastify.register(cookie, { secret: config.sessionSecret })

  const sessions = createSessionManager(db, config.publicUrl)
  fastify.decorate('sessions', sessions)

  fastify.decorateRequest('getSession', null as unknown as FastifyRequest['getSession'])
  // Only a closure per request: nothing reads the database until a handler asks.
  fastify.addHook('onRequest', async (request, reply) => {
    let loaded: Promise<Session | null> | undefined
    request.getSession = () => (loaded ??= sessions.resolve(request, reply))
  })
}, { name: 'session', dependencies: ['db'] })
