import { WechatUnavailableError } from './wechat-error'

export interface BackoffOptions {
  /** retries after the first attempt */
  retries: number
  /** the first retry waits about this long, each next one twice as long, each ±50 % (jitter) */
  baseDelayMs: number
  /** tests pass one that does not wait */
  sleep?: (ms: number) => Promise<void>
}

export const DEFAULT_BACKOFF: BackoffOptions = { retries: 3, baseDelayMs: 200 }

const realSleep = (ms: number) => new Promise<void>(resolve => setTimeout(resolve, ms))

/**
 * Runs `attempt` again while WeChat is unavailable (-1 system busy, timeout, network, HTTP error),
 * a bounded number of times with jittered exponential delays, so a burst of busy answers does not
 * turn into a burst of retries from every instance at once. Other errors pass through at once.
 */
export async function withBackoff<T>(options: BackoffOptions, attempt: (n: number) => Promise<T>): Promise<T> {
  const sleep = options.sleep ?? realSleep
  for (let n = 0; ; n++) {
    try {
      return await attempt(n)
    } catch (err) {
      if (!(err instanceof WechatUnavailableError) || n >= options.retries)
        throw err
      const delay = options.baseDelayMs * 2 ** n
      await sleep(Math.round(delay * (0.5 + Math.random())))
    }
  }
}
