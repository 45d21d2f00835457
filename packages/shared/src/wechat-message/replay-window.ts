import { MessageRefusal, MessageRefusedError } from './errors'

/**
 * How far a push's timestamp may be from our clock, in seconds, either way. 300 s is what WeChat's own
 * Pay SDKs allow a signed message (wechatpay-java and wechatpay-apache-httpclient, WechatPay2Validator:
 * RESPONSE_EXPIRED_MINUTES = 5); it covers WeChat's three tries within seconds and ordinary clock skew,
 * and still bounds a replay. The message-push SDKs (wechatpy, WxJava) check no window at all.
 */
export const REPLAY_WINDOW_SECONDS = 300

const SECONDS = /^\d{1,12}$/

/** Whether `timestamp` (seconds, as WeChat sends it) is within `windowSeconds` of `now` (milliseconds). */
export function isFreshTimestamp(timestamp: unknown, now: number = Date.now(), windowSeconds = REPLAY_WINDOW_SECONDS): boolean {
  if (typeof timestamp !== 'string' || !SECONDS.test(timestamp))
    return false
  return Math.abs(Math.floor(now / 1000) - Number(timestamp)) <= windowSeconds
}

/** Throws MessageRefusedError (stale-timestamp) for a timestamp outside the window, or not a timestamp. */
export function assertFreshTimestamp(timestamp: unknown, now?: number, windowSeconds?: number): void {
  if (!isFreshTimestamp(timestamp, now, windowSeconds))
    throw new MessageRefusedError(MessageRefusal.staleTimestamp, 'the timestamp is outside the replay window')
}
