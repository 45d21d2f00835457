import { performance } from 'node:perf_hooks'
import type { NotifyRequest } from './notify-message'

/** WeChat Pay waits 5 s for the shop's answer (WECHAT-PAY.md §A4, §B5). */
export const PAY_NOTIFY_TIMEOUT_MS = 5000

// an answer body is kept for the control API, not whole pages
const MAX_BODY = 2000

export interface NotifyAnswer {
  /** null: no answer in time, or the connection failed. */
  status: number | null
  body: string
  ms: number
  error?: string
}

/** One POST of a notify to the shop; never throws. */
export async function postNotify(url: string, request: NotifyRequest, timeoutMs = PAY_NOTIFY_TIMEOUT_MS): Promise<NotifyAnswer> {
  const started = performance.now()
  const ms = () => Math.round(performance.now() - started)
  try {
    const response = await fetch(url, { method: 'POST', headers: request.headers, body: request.body, signal: AbortSignal.timeout(timeoutMs), redirect: 'manual' })
    // the deadline covers the whole answer, body included
    const body = await response.text()
    return { status: response.status, body: body.slice(0, MAX_BODY), ms: ms() }
  } catch (err) {
    const timedOut = err instanceof Error && (err.name === 'TimeoutError' || err.name === 'AbortError')
    const cause = err instanceof Error && err.cause instanceof Error ? `: ${err.cause.message}` : ''
    return { status: null, body: '', ms: ms(), error: timedOut ? `no answer within ${timeoutMs} ms` : `${err instanceof Error ? err.message : String(err)}${cause}` }
  }
}
