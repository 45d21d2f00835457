import { buildReply, pushDedupeKey, type PushMessage, type Reply } from '@wxshop/shared/wechat-message'
import type { FastifyBaseLogger } from 'fastify'
import type { WechatMessageRepository } from '../../repositories/wechat-message-repository'
import { customMessageOf } from './custom-message'

// Once per push, however many copies arrive: single-flight by dedupe key inside the process, the
// table's unique key across processes and restarts. The push is stored before anything is answered.

/** What the shop answers a push: a passive reply, or null for nothing (`success`). */
export type MessageHandler = (message: PushMessage, context: { log: FastifyBaseLogger }) => Promise<Reply | null>

export interface DispatcherOptions {
  messages: WechatMessageRepository
  handler: MessageHandler
  /** How long a push may wait for its reply before `success` is answered (WeChat gives up at 5 s). */
  deadlineMs: number
  /** Sends a late reply as a customer-service message; throws on failure. */
  sendCustom: (message: Record<string, unknown>, log: FastifyBaseLogger) => Promise<unknown>
  /** How often a copy whose original runs in another process looks for its answer. */
  pollMs?: number
  now?: () => number
}

/** The plaintext answer to a push: the passive reply's XML, or `success`. */
export type PushAnswer = { xml: string } | { xml: null }

export function createMessageDispatcher(options: DispatcherOptions) {
  const { messages, handler, deadlineMs, sendCustom } = options
  const pollMs = options.pollMs ?? 50
  const now = options.now ?? Date.now
  const inFlight = new Map<string, Promise<PushAnswer>>()
  /** work still running past its deadline, so close() can wait for it */
  const background = new Set<Promise<void>>()

  async function run(key: string, message: PushMessage, fields: unknown, log: FastifyBaseLogger, started: number): Promise<PushAnswer> {
    const claimed = await messages.claim({
      dedupeKey: key,
      kind: message.kind,
      fromOpenid: message.fromUserName,
      scene: message.kind === 'subscribe' ? message.scene ?? null : message.kind === 'scan' ? message.eventKey : null,
      fields,
      receivedAt: new Date(now()),
    })
    if (!claimed)
      return storedAnswer(key, started)

    // whichever comes first, the reply or the deadline, decides how the reply leaves: set synchronously, so never both
    const flow: { state: 'running' | 'passive' | 'late' } = { state: 'running' }
    let timer: NodeJS.Timeout | undefined
    const deadline = new Promise<'late'>((resolve) => {
      timer = setTimeout(() => {
        if (flow.state === 'running')
          flow.state = 'late'
        resolve('late')
      }, Math.max(0, started + deadlineMs - now()))
    })
    const work = (async (): Promise<PushAnswer> => {
      let reply: Reply | null = null
      let failed = false
      try {
        reply = await handler(message, { log })
      } catch (err) {
        failed = true
        log.error({ err, wechatMessage: { key, kind: message.kind } }, 'push handler failed: answered success')
      }
      if (flow.state === 'running') {
        flow.state = 'passive'
        clearTimeout(timer)
        let xml: string | null = null
        try {
          xml = reply === null ? null : buildReply(message, reply, now())
        } catch (err) {
          failed = true
          log.error({ err, wechatMessage: { key } }, 'push handler gave a reply outside WeChat\'s rules: answered success')
        }
        await messages.finish(key, { status: failed ? 'failed' : 'replied', reply, replyXml: xml, finishedAt: new Date(now()) })
        return { xml }
      }
      await deliverLate(key, message, reply, failed, log)
      return { xml: null }
    })()
    const first = await Promise.race([work, deadline])
    // the reply was in before the deadline and only its storing ran over: it still answers the push
    if (first !== 'late' || flow.state === 'passive')
      return first === 'late' ? work : first
    log.warn({ wechatMessage: { key, deadlineMs } }, 'push reply missed its deadline: answered success, the reply follows as a customer-service message')
    const late = work.then(() => {}, (err: unknown) => log.error({ err, wechatMessage: { key } }, 'push reply: late delivery failed'))
    background.add(late)
    void late.finally(() => background.delete(late))
    return { xml: null }
  }

  async function deliverLate(key: string, message: PushMessage, reply: Reply | null, failed: boolean, log: FastifyBaseLogger): Promise<void> {
    let status: 'late-sent' | 'late-failed' | 'failed' = failed ? 'failed' : 'late-sent'
    if (reply !== null) {
      try {
        await sendCustom(customMessageOf(message.fromUserName, reply), log)
      } catch (err) {
        status = 'late-failed'
        log.error({ err, wechatMessage: { key } }, 'push reply: custom/send failed')
      }
    }
    await messages.finish(key, { status, reply, replyXml: null, finishedAt: new Date(now()) })
  }

  /** A copy stored by another process (or before a restart): its answer once there, else `success` at the deadline. */
  async function storedAnswer(key: string, started: number): Promise<PushAnswer> {
    for (;;) {
      const stored = await messages.find(key)
      if (stored && stored.status !== 'received')
        return { xml: stored.replyXml }
      if (now() + pollMs >= started + deadlineMs)
        return { xml: null }
      await timeout(pollMs)
    }
  }

  return {
    /** The answer to one copy of a push; the handler runs for the first copy only. */
    answer(message: PushMessage, fields: unknown, log: FastifyBaseLogger): Promise<PushAnswer> {
      const key = pushDedupeKey(message)
      let flight = inFlight.get(key)
      if (!flight) {
        flight = run(key, message, fields, log, now())
        inFlight.set(key, flight)
        // later copies read the stored row; the entry goes when the answer is settled
        void flight.finally(() => inFlight.delete(key)).catch(() => {})
      }
      return flight
    },
    /** Waits for late replies still being delivered (the app's onClose). */
    async drain(): Promise<void> {
      await Promise.allSettled([...background])
    },
  }
}

function timeout(ms: number): Promise<'late'> {
  return new Promise(resolve => setTimeout(resolve, Math.max(0, ms), 'late'))
}
