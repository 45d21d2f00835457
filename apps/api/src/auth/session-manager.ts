import type { FastifyReply, FastifyRequest } from 'fastify'
import type { InTransaction, Repositories } from '../db/transaction'
import { randomToken, sha256Hex } from '../lib/random-token'
import type { SessionView } from '../repositories/session-repository'
import { clearOptions, cookieOptions, readSignedCookie, SESSION_COOKIE, SESSION_MAX_AGE_MS, SESSION_SLIDE_AFTER_MS, SESSION_TTL_MS } from './cookies'

export type Session = SessionView

export interface SessionManagerOptions {
  /** the app's repositories, bound to the database */
  repositories: Pick<Repositories, 'sessions'>
  /** the app's transaction helper: writes that belong together commit together */
  inTransaction: InTransaction
  publicUrl: string
}

/**
 * Server-side sessions behind the `wxshop_sid` cookie. The cookie carries 32 random bytes; the
 * database keeps only their SHA-256, so a leaked table opens no session.
 *
 * The token changes on every privilege change (a WeChat login, binding or unbinding an account):
 * a token someone saw before the change (fixation, a shared device) opens nothing after it.
 * A session slides 30 days with use but never outlives SESSION_MAX_AGE_MS from its login.
 */
export function createSessionManager({ repositories, inTransaction, publicUrl }: SessionManagerOptions) {
  const { sessions } = repositories

  /** Slid expiry: 30 days from now, never past the absolute end. */
  function expiryFrom(now: Date, createdAt: Date): Date {
    return new Date(Math.min(now.getTime() + SESSION_TTL_MS, createdAt.getTime() + SESSION_MAX_AGE_MS))
  }

  function setSessionCookie(reply: FastifyReply, token: string, now: Date, expiresAt: Date): void {
    const maxAgeSeconds = Math.max(0, Math.floor((expiresAt.getTime() - now.getTime()) / 1000))
    reply.setCookie(SESSION_COOKIE, token, cookieOptions(publicUrl, maxAgeSeconds, true))
  }

  /**
   * A new token for this browser, in one transaction: `change` runs on the transaction's
   * repositories, the old row goes, the new one comes, then the cookie is replaced.
   */
  async function issue(request: FastifyRequest, reply: FastifyReply, user: { openid: string, accountId: number | null, createdAt?: Date }, change?: (repositories: Repositories) => Promise<void>): Promise<Session> {
    const previous = readSignedCookie(request, SESSION_COOKIE)
    const token = randomToken()
    const idHash = sha256Hex(token)
    const now = new Date()
    const createdAt = user.createdAt ?? now
    const expiresAt = expiryFrom(now, createdAt)
    const session = await inTransaction(async (trx) => {
      await change?.(trx)
      if (previous)
        await trx.sessions.delete(sha256Hex(previous))
      await trx.sessions.create({ idHash, openid: user.openid, accountId: user.accountId, now, createdAt, expiresAt })
      return trx.sessions.find(idHash)
    })
    if (!session)
      throw new Error('the session vanished while being written')
    setSessionCookie(reply, token, now, expiresAt)
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
      if (found.expiresAt <= now || found.createdAt.getTime() + SESSION_MAX_AGE_MS <= now.getTime()) {
        await sessions.delete(idHash)
        return null
      }
      if (now.getTime() - found.lastSeenAt.getTime() < SESSION_SLIDE_AFTER_MS)
        return found
      const expiresAt = expiryFrom(now, found.createdAt)
      await sessions.touch(idHash, now, expiresAt)
      // the browser's copy slides too, or it would drop the cookie 30 days after the login
      setSessionCookie(reply, token, now, expiresAt)
      return { ...found, lastSeenAt: now, expiresAt }
    },

    /** A WeChat login: a new session for this openid, replacing this browser's previous one. */
    async start(request: FastifyRequest, reply: FastifyReply, user: { openid: string, accountId: number | null }): Promise<Session> {
      return issue(request, reply, user)
    },

    /**
     * Binds (or with null unbinds) the session's WeChat identity to a shop account, and rotates
     * the session: identity, old row and new row in one transaction.
     */
    async bindAccount(request: FastifyRequest, reply: FastifyReply, session: Session, accountId: number | null): Promise<Session> {
      return issue(request, reply, { openid: session.openid, accountId, createdAt: session.createdAt }, async (trx) => {
        await trx.wechatIdentities.setAccount(session.openid, accountId, new Date())
      })
    },

    /**
     * Logout: unbinds the WeChat identity and ends its sessions in every browser, in one
     * transaction (a session elsewhere would otherwise stay bound to an account the user left),
     * then clears the cookie. Without a live session only the cookie and its row go.
     */
    async logout(request: FastifyRequest, reply: FastifyReply, session: Session | null): Promise<void> {
      const token = readSignedCookie(request, SESSION_COOKIE)
      await inTransaction(async (trx) => {
        if (session) {
          await trx.wechatIdentities.setAccount(session.openid, null, new Date())
          await trx.sessions.deleteForOpenid(session.openid)
        }
        if (token)
          await trx.sessions.delete(sha256Hex(token))
      })
      reply.clearCookie(SESSION_COOKIE, clearOptions(publicUrl))
    },
  }
}

export type SessionManager = ReturnType<typeof createSessionManager>
