import type { FastifyReply, FastifyRequest } from 'fastify'
import { randomToken } from '../lib/random-token'
import { cookieOptions, readSignedCookie } from './cookies'

/**
 * "This browser has logged in to account N before": a signed `accountId.deviceId` set on every
 * successful login. Its login attempts for that account are counted per device instead of against
 * the phone's ceiling across addresses, so guessing spread over many addresses cannot lock the
 * owner out of a browser they already used (OWASP's device cookies). Bound to the account, so a
 * cookie won by logging in to one's own account lifts nothing for anyone else's phone.
 */
export const KNOWN_DEVICE_COOKIE = 'wxshop_known'
const KNOWN_DEVICE_MAX_AGE_S = 180 * 24 * 3600
// only the login route needs it
const COOKIE_PATH = '/api/account/login'

/** The device id when this browser carries a valid known-device cookie for `accountId`, else null. */
export function knownDevice(request: FastifyRequest, accountId: number): string | null {
  const value = readSignedCookie(request, KNOWN_DEVICE_COOKIE)
  const [account, device] = value?.split('.') ?? []
  return account === String(accountId) && device ? device : null
}

/** Sets (or renews) the cookie after a right password, keeping the device id it already had. */
export function rememberDevice(reply: FastifyReply, publicUrl: string, accountId: number, device: string | null): void {
  reply.setCookie(KNOWN_DEVICE_COOKIE, `${accountId}.${device ?? randomToken()}`, {
    ...cookieOptions(publicUrl, KNOWN_DEVICE_MAX_AGE_S, true),
    path: COOKIE_PATH,
  })
}
