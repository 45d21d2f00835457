import { addressKey, createAttemptLimiter, type AttemptLimiter, type Limit, type Refused } from './attempt-limiter'

export { createMemoryFailureStore, type FailureStore } from './attempt-limiter'

const MINUTE = 60 * 1000

/**
 * Login limits, chosen so guessing stays impossible without giving anyone a button that locks the
 * owner out (see auth/README.md): a small budget per phone and address, a budget per address
 * across phones, and a far larger ceiling per phone across all addresses that only a distributed
 * guesser reaches.
 */
export interface LoginLimits {
  /** failures allowed for one phone from one address (default 5 per 15 minutes) */
  perPhoneAndIp: number
  /** failures allowed from one address across phones (default 20 per 15 minutes) */
  perIp: number
  windowMs: number
  /** failures allowed for one phone from all addresses together (default 50 per hour) */
  perPhone: number
  phoneWindowMs: number
}

export const DEFAULT_LOGIN_LIMITS: LoginLimits = {
  perPhoneAndIp: 5,
  perIp: 20,
  windowMs: 15 * MINUTE,
  perPhone: 50,
  phoneWindowMs: 60 * MINUTE,
}

export interface LoginAttempt {
  phone: string
  ip: string
  /** the device id of a valid known-device cookie for this phone's account (auth/known-device.ts) */
  device?: string | null
}

export interface LoginAllowed {
  allowed: true
  /** The password was right: take the attempt back and forget this address's misses. */
  succeeded: () => Promise<void>
}
export type LoginVerdict = LoginAllowed | Refused

/**
 * Each attempt is counted as a failure BEFORE the password is verified, and refunded when it was
 * right: however many guesses arrive together, at most the limit of them reach argon2.
 */
export function createLoginThrottle(limiter: AttemptLimiter = createAttemptLimiter(), limits: LoginLimits = DEFAULT_LOGIN_LIMITS) {
  /** The limits an attempt counts against, the first being the one a right password clears. */
  function limitsFor({ phone, ip: rawIp, device }: LoginAttempt): Limit[] {
    const ip = addressKey(rawIp)
    // A browser that logged in to this account before is counted on its own: others' guesses,
    // from its address or from anywhere, never close the account to it.
    if (device)
      return [{ key: `login:phone-device:${phone}|${device}`, limit: limits.perPhoneAndIp, windowMs: limits.windowMs }]
    return [
      { key: `login:phone-ip:${phone}|${ip}`, limit: limits.perPhoneAndIp, windowMs: limits.windowMs },
      { key: `login:ip:${ip}`, limit: limits.perIp, windowMs: limits.windowMs },
      { key: `login:phone:${phone}`, limit: limits.perPhone, windowMs: limits.phoneWindowMs },
    ]
  }

  return {
    async begin(attempt: LoginAttempt): Promise<LoginVerdict> {
      const counted = limitsFor(attempt)
      const reservation = await limiter.reserve(counted)
      if (!reservation.allowed)
        return reservation
      return {
        allowed: true,
        async succeeded() {
          await reservation.refund()
          // The owner's own typos from this address (or device) are forgiven; others' guesses (the
          // address's count across phones, the phone's count across addresses) stay counted.
          await limiter.store.clear(counted[0]!.key)
        },
      }
    },
  }
}

export type LoginThrottle = ReturnType<typeof createLoginThrottle>
