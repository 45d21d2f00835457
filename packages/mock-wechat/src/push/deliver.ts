import { performance } from 'node:perf_hooks'
import type { SignedPush } from './signed-request'

// WeChat waits 5 s for an answer, then drops the connection and sends the same push again: three
// tries in all. An answer in time ends it, whatever it says (a 500 is not retried, a redirect not followed).

/** WeChat's deadline for an answer. */
export const PUSH_TIMEOUT_MS = 5000
/** Tries in all, the first included. */
export const PUSH_TRIES = 3

export interface PushTry {
  /** The app's HTTP status; null when no answer came in time or the connection failed. */
  status: number | null
  /** How long the try took, in milliseconds. */
  ms: number
  error?: string
}

export interface Delivery {
  tries: PushTry[]
  /** The body of the answer that came in time, if one did. */
  answer?: { status: number, body: string }
}

function describe(err: unknown, timeoutMs: number): string {
  if (err instanceof Error && (err.name === 'TimeoutError' || err.name === 'AbortError'))
    return `no answer within ${timeoutMs} ms`
  const cause = err instanceof Error && err.cause instanceof Error ? `: ${err.cause.message}` : ''
  return `${err instanceof Error ? err.message : String(err)}${cause}`
}

/** POSTs the signed push to `url` until an answer comes in time, at most PUSH_TRIES times. */
export async function deliver(url: string, push: SignedPush, timeoutMs = PUSH_TIMEOUT_MS): Promise<Delivery> {
  const target = new URL(url)
  for (const [name, value] of Object.entries(push.query))
    target.searchParams.set(name, value)
  const tries: PushTry[] = []
  for (let i = 0; i < PUSH_TRIES; i++) {
    const started = performance.now()
    const signal = AbortSignal.timeout(timeoutMs)
    try {
      const response = await fetch(target, { method: 'POST', headers: { 'content-type': 'text/xml' }, body: push.body, signal, redirect: 'manual' })
      // the deadline covers the whole answer, body included
      const body = await response.text()
      tries.push({ status: response.status, ms: Math.round(performance.now() - started) })
      return { tries, answer: { status: response.status, body } }
    } catch (err) {
      tries.push({ status: null, ms: Math.round(performance.now() - started), error: describe(err, timeoutMs) })
    }
  }
  return { tries }
}
