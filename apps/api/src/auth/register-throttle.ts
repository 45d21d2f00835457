import { addressKey, createAttemptLimiter, type AttemptLimiter } from './attempt-limiter'

const HOUR = 60 * 60 * 1000

/**
 * Registration answers "this phone is taken", which is how phone numbers would be enumerated: every
 * attempt counts, whatever its outcome. The tightest key is the WeChat user (registering needs a
 * WeChat session, and WeChat accounts are real-name and costly to come by); the address limit is
 * looser because a carrier puts many shoppers behind one address.
 */
export interface RegisterLimits {
  /** attempts by one WeChat user (openid), default 10 per hour */
  perIdentity: number
  /** attempts from one address, default 30 per hour */
  perIp: number
  /** attempts for one phone from anyone, default 5 per hour */
  perPhone: number
  windowMs: number
}

export const DEFAULT_REGISTER_LIMITS: RegisterLimits = { perIdentity: 10, perIp: 30, perPhone: 5, windowMs: HOUR }

export interface RegisterAttempt {
  phone: string
  ip: string
  openid: string
}

export function createRegisterThrottle(limiter: AttemptLimiter = createAttemptLimiter(), limits: RegisterLimits = DEFAULT_REGISTER_LIMITS) {
  return {
    /** Counts the attempt (never refunded); refused once the user, the address or the phone has used its budget. */
    async begin({ phone, ip, openid }: RegisterAttempt) {
      return limiter.reserve([
        { key: `register:openid:${openid}`, limit: limits.perIdentity, windowMs: limits.windowMs },
        { key: `register:ip:${addressKey(ip)}`, limit: limits.perIp, windowMs: limits.windowMs },
        { key: `register:phone:${phone}`, limit: limits.perPhone, windowMs: limits.windowMs },
      ])
    },
  }
}

export type RegisterThrottle = ReturnType<typeof createRegisterThrottle>
