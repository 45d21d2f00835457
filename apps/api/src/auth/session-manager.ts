import type { FastifyReply, FastifyRequest } from 'fastify'
import type { Kysely } from 'kysely'
import type { Database } from '../db/schema'
import { randomToken, sha256Hex } from '../lib/random-token'
import { createSessionRepository, type SessionView } from '../repositories/session-repository'
import { createWechatIdentityRepository } from '../repositories/wechat-identity-repository'
import { clearOptions, cookieOptions, readSignedCookie, SESSION_COOKIE, SESSION_SLIDE_AFTER_MS, SESSION_TTL_MS } from './cookies'

export type Session = SessionView

/**
 * Server-side sessions behind the `wxshop_sid` cookie. The cookie carries 32 random bytes; the
 * database keeps only their SHA-256, so a leaked table opens no session.
 */
export function createSessionManager(db: Kysely<Database>, publicUrl: string) {
  const sessions = createSessionRepository(db)

  function setSessionCookie(reply: FastifyReply, token: string): void {
    reply.setCookie(SESSION_COOKIE, token, cookieOptions(publicUrl, SESSION_TTL_MS / 1000, true))
  }

  async function reload(idHash: string): Promise<Session> {
    const session = await sessions.find(idHash)
    if (!session)
      throw new Error('the session vanished while being written')
    return session
  }

  return {
    /** The cookie's live session, sliding its expiry when `last_seen_at` is over an hour old. */
    async resolve(request: FastifyRequest, reply: FastifyReply): Promise<Session | null> {
      const token = readSignedCookie(request, SESSION_COOKIE)
      if (!token)
        return null
      const idHash = sha256Hex(token)
      const found = await sessions.find(idHash)
      // A stale cookie is left alone rather than cleared: a response clearing it could land after
      // the one that set a fresh session, and log the user out.
      if (!found)
        return null
      const now = new Date()
      if (found.expiresAt <= now) {
        await sessions.delete(idHash)
        return null
      }
      if (now.getTime() - found.lastSeenAt.getTime() < SESSION_SLIDE_AFTER_MS)
        return found
      const expiresAt = new Date(now.getTime() + SESSION_TTL_MS)
      await sessions.touch(idHash, now, expiresAt)
      // the browser's copy slides too, or it would drop the cookie 30 days after the login
      setSessionCookie(reply, token)
      return { ...found, lastSeenAt: now, expiresAt }
    },

    /** A new session for this openid: replaces this browser's previous one and sets the cookie. */
    async start(request: FastifyRequest, reply: FastifyReply, user: { openid: string, accountId: number | null }): Promise<Session> {
      const previous = readSignedCookie(request, SESSION_COOKIE)
      if (previous)
        await sessions.delete(sha256Hex(previous))
      const token = randomToken()
      const idHash = sha256Hex(token)
      const now = new Date()
      await sessions.create({ idHash, openid: user.openid, accountId: user.accountId, now, expiresAt: new Date(now.getTime() + SESSION_TTL_MS) })
      setSessionCookie(reply, token)
      return reload(idHash)
    },

    /** Deletes this browser's session row, if any, and clears the cookie. */
    async end(request: FastifyRequest, reply: FastifyReply): Promise<void> {
      const token = readSignedCookie(request, SESSION_COOKIE)
      if (token)
        await sessions.delete(sha256Hex(token))
      reply.clearCookie(SESSION_COOKIE, clearOptions(publicUrl))
    },

    /** Binds (or with null unbinds) the session's WeChat identity and the session itself, in one transaction. */
    async bindAccount(session: Session, accountId: number | null): Promise<Session> {
      await db.transaction().execute(async (trx) => {
        await createWechatIdentityRepository(trx).setAccount(session.openid, accountId, new Date())
        await createSessionRepository(trx).setAccount(session.idHash, accountId)
      })
      return reload(session.idHash)
    },
  }
}

export type SessionManager = ReturnType<typeof createSessionManager>
