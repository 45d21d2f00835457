import type { MessageHandler } from './dispatcher'

/** The message endpoint's knobs, from BuildAppOptions. */
export interface WechatMessageOptions {
  /** How long a push waits for its passive reply before `success` (default 4000 ms; WeChat gives up at 5 s). */
  deadlineMs?: number
  /** How often a copy whose first copy runs in another process (or ran before a restart) looks for the stored answer (default 50 ms). */
  pollMs?: number
  /** Wraps the shop's handler: tests count its runs or slow it down. */
  wrapHandler?: (handler: MessageHandler) => MessageHandler
}

export const DEFAULT_DEADLINE_MS = 4000
/** WeChat's pushes are a few hundred bytes; an encrypted one about 4/3 of that. */
export const BODY_LIMIT_BYTES = 64 * 1024
