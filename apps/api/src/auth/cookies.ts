import type { CookieSerializeOptions } from '@fastify/cookie'
import type { FastifyRequest } from 'fastify'

// Every cookie the API sets. All are httpOnly (no script needs them) and SameSite=Lax: sent on the
// top-level GET that brings the user back from WeChat, not on cross-site subrequests.

/** The session token (32 random bytes, signed); the database holds only its SHA-256. */
export const SESSION_COOKIE = 'wxshop_sid'
/** A random nonce binding OAuth states to the browser that asked for them (signed). */
export const BROWSER_COOKIE = 'wxshop_bid'
/** Set with the page fast path's redirect: while present, the server never redirects again. */
export const AUTH_TRY_COOKIE = 'wxshop_auth_try'

export const SESSION_TTL_MS = 30 * 24 * 3600 * 1000
/**
 * However active the user, a session ends this long after the WeChat login that started it; the
 * next page load signs in again (silently for snsapi_base). Sliding alone would let a stolen cookie
 * live forever. Rotation on a privilege change keeps the start time: it is not a new login.
 */
export const SESSION_MAX_AGE_MS = 90 * 24 * 3600 * 1000
/** How stale `last_seen_at` may get before a request slides the expiry: one write an hour, not one per request. */
export const SESSION_SLIDE_AFTER_MS = 3600 * 1000
export const BROWSER_COOKIE_MAX_AGE_S = 24 * 3600
export const AUTH_TRY_MAX_AGE_S = 120
export const OAUTH_STATE_TTL_MS = 10 * 60 * 1000

/** Secure exactly when users reach us over https (PUBLIC_URL), so plain-http development still works. */
export function isSecureOrigin(publicUrl: string): boolean {
  return publicUrl.startsWith('https://')
}

export function cookieOptions(publicUrl: string, maxAgeSeconds: number, signed: boolean): CookieSerializeOptions {
  return { path: '/', httpOnly: true, sameSite: 'lax', secure: isSecureOrigin(publicUrl), maxAge: maxAgeSeconds, signed }
}

/** Options for clearCookie: the attributes must match the ones the cookie was set with. */
export function clearOptions(publicUrl: string): CookieSerializeOptions {
  return { path: '/', httpOnly: true, sameSite: 'lax', secure: isSecureOrigin(publicUrl) }
}

/** A signed cookie's value, or null when absent or when its signature does not match our secret. */
export function readSignedCookie(request: FastifyRequest, name: string): string | null {
  const raw = request.cookies[name]
  if (!raw)
    return null
  const { valid, value } = request.unsignCookie(raw)
  return valid && value ? value : null
}
