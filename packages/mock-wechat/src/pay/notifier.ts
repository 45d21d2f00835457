import { performance } from 'node:perf_hooks'
import type { NotifyAttempt, PayOrder } from '../state/pay-orders'
import type { Store } from '../state/store'
import { isAcknowledged } from './notify-ack'
import { PAY_NOTIFY_TIMEOUT_MS, postNotify } from './notify-deliver'
import { notifyFor, type NotifyKind } from './notify-message'

/**
 * When WeChat Pay retries an unacknowledged notify, in seconds after the first attempt (WECHAT-PAY.md
 * §A4: 15s/15s/30s/3m/10m/20m/30m/30m/30m/60m/3h/3h/3h/6h/6h). The first attempt goes at once.
 */
export const NOTIFY_RETRY_OFFSETS_S = [15, 30, 60, 240, 840, 2040, 3840, 5640, 7440, 11040, 21840, 32640, 43440, 65040, 86640]

/**
 * Sends pay notifies: the success notify of each paid order on WeChat Pay's schedule (offsets ×
 * MOCK_WECHAT_PAY_NOTIFY_TIME_SCALE) until the shop acknowledges one, and the control API's notifies
 * on demand. Every attempt is recorded on the order. `stop()` cancels every pending retry.
 */
export function createPayNotifier(store: Store, timeoutMs = PAY_NOTIFY_TIMEOUT_MS) {
  const timers = new Set<NodeJS.Timeout>()
  // a reset forgets the orders; their schedules must not outlive them
  let generation = 0

  async function attempt(order: PayOrder, kind: NotifyKind, signed: () => { headers: Record<string, string>, body: string }): Promise<NotifyAttempt> {
    const at = new Date(store.now()).toISOString()
    const answer = await postNotify(order.notify_url, signed(), timeoutMs)
    const acknowledged = answer.status !== null && isAcknowledged(order.version, answer.status, answer.body)
    const record: NotifyAttempt = { at, kind, status: answer.status, body: answer.body, ms: answer.ms, acknowledged, ...(answer.error ? { error: answer.error } : {}) }
    order.notifyAttempts.push(record)
    // a probe answered 2xx is the shop's mistake, not an acknowledgement of the payment
    if (acknowledged && kind === 'success')
      order.notifyAcknowledged = true
    return record
  }

  function later(ms: number, run: () => void) {
    const timer = setTimeout(() => {
      timers.delete(timer)
      run()
    }, Math.max(0, ms))
    timers.add(timer)
  }

  /** Queues the success notify of an order just paid: the first attempt now, then the retries. */
  function queue(order: PayOrder): void {
    const mine = generation
    const notify = notifyFor(store, order, 'success')
    const started = performance.now()
    const scale = store.config.pay.notifyTimeScale
    const run = async (index: number) => {
      if (mine !== generation || order.notifyAcknowledged)
        return
      await attempt(order, 'success', notify.sign)
      const next = NOTIFY_RETRY_OFFSETS_S[index]
      if (order.notifyAcknowledged || next === undefined || mine !== generation)
        return
      later(started + next * 1000 * scale - performance.now(), () => void run(index + 1))
    }
    void run(0)
  }

  /** `POST /__control/pay/notify`: `times` notifies at once, each answer returned. */
  async function sendNow(order: PayOrder, kind: NotifyKind, times: number): Promise<NotifyAttempt[]> {
    const notify = notifyFor(store, order, kind)
    return Promise.all(Array.from({ length: times }, () => attempt(order, kind, notify.sign)))
  }

  function stop(): void {
    generation++
    for (const timer of timers)
      clearTimeout(timer)
    timers.clear()
  }

  return { queue, sendNow, stop }
}

export type PayNotifier = ReturnType<typeof createPayNotifier>
