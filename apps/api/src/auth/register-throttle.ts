import { addressKey, createAttemptLimiter, type AttemptLimiter } from './attempt-limiter'

const HOUR = 60 * 60 * 1000

/**
 * Registration answers "this phone is taken", which is how phone numbers would be enumerated: every
 * attempt counts, whatever its outcome, per address and per phone probed.
 */
export interface RegisterLimits {
  /** registration attempts from one address (default 10 per hour) */
  perIp: number
  /** registration attempts for one phone from all addresses (default 5 per hour) */
  perPhone: number
  windowMs: number
}

export const DEFAULT_REGISTER_LIMITS: RegisterLimits = { perIp: 10, perPhone: 5, windowMs: HOUR }

export function createRegisterThrottle(limiter: AttemptLimiter = createAttemptLimiter(), limits: RegisterLimits = DEFAULT_REGISTER_LIMITS) {
  return {
    /** Counts the attempt (never refunded); refused once the address or the phone has used its budget. */
    async begin({ phone, ip }: { phone: string, ip: string }) {
      return limiter.reserve([
        { key: `register:ip:${addressKey(ip)}`, limit: limits.perIp, windowMs: limits.windowMs },
        { key: `register:phone:${phone}`, limit: limits.perPhone, windowMs: limits.windowMs },
      ])
    },
  }
}

export type RegisterThrottle = ReturnType<typeof createRegisterThrottle>
