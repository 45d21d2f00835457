import cookie from '@fastify/cookie'
import { ErrorCode } from '@wxshop/shared'
import type { FastifyReply, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify'
import fp from 'fastify-plugin'
import { ACCOUNT_REQUIRED, NO_SESSION } from '../auth/messages'
import { createSessionManager, type Session, type SessionManager } from '../auth/session-manager'
import { ApiError, unauthorized } from '../errors'

declare module 'fastify' {
  interface FastifyRequest {
    /**
     * This request's session, or null: read from the cookie and the database on the first call,
     * then remembered for the rest of the request. Expired sessions count as none (and are deleted).
     */
    getSession: () => Promise<Session | null>
    /**
     * The session, on routes guarded by `requireSession` or `requireAccount` (their hook sets it
     * before the handler runs). Elsewhere it is null whatever the type says: use getSession().
     */
    session: Session
    /** The bound shop account's id, on routes guarded by `requireAccount`. */
    accountId: number
  }
  interface FastifyInstance {
    sessions: SessionManager
    /** preHandler: 401 UNAUTHORIZED without a live session, else sets `request.session`. */
    requireSession: preHandlerAsyncHookHandler
    /** preHandler: requireSession, then 403 ACCOUNT_REQUIRED unless a shop account is bound; sets `request.accountId`. */
    requireAccount: preHandlerAsyncHookHandler
  }
}

/**
 * Cookies (signed with SESSION_SECRET), the server-side session behind `wxshop_sid`, and the two
 * guards routes declare instead of checking the session themselves:
 * `fastify.post('/x', { preHandler: fastify.requireAccount }, handler)`.
 */
export default fp(async function session(fastify) {
  const { config, repositories, inTransaction } = fastify
  await fastify.register(cookie, { secret: config.sessionSecret })

  const sessions = createSessionManager({ repositories, inTransaction, publicUrl: config.publicUrl })
  fastify.decorate('sessions', sessions)

  fastify.decorateRequest('getSession', null as unknown as FastifyRequest['getSession'])
  fastify.decorateRequest('session', null as unknown as Session)
  fastify.decorateRequest('accountId', null as unknown as number)
  // Only a closure per request: nothing reads the database until a handler asks. A callback hook,
  // since it does no I/O (an async hook costs a promise per request).
  fastify.addHook('onRequest', (request, reply, done) => {
    let loaded: Promise<Session | null> | undefined
    request.getSession = () => (loaded ??= sessions.resolve(request, reply))
    done()
  })

  async function requireSession(request: FastifyRequest, _reply: FastifyReply): Promise<void> {
    const found = await request.getSession()
    if (!found)
      throw unauthorized(NO_SESSION)
    request.session = found
  }

  fastify.decorate('requireSession', requireSession)
  fastify.decorate('requireAccount', async function requireAccount(request: FastifyRequest, reply: FastifyReply) {
    await requireSession(request, reply)
    if (request.session.accountId === null)
      throw new ApiError(403, ErrorCode.AccountRequired, ACCOUNT_REQUIRED)
    request.accountId = request.session.accountId
  })
}, { name: 'session', dependencies: ['db'] })
