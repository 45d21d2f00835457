import { createServer, type IncomingHttpHeaders, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach } from 'vitest'

export interface Received {
  headers: IncomingHttpHeaders
  body: string
}

export type Answer = { status: number, body?: string, delayMs?: number } | 'hang'

const open: Server[] = []
afterEach(async () => {
  await Promise.all(open.splice(0).map(server => new Promise<void>((resolve) => {
    server.closeAllConnections()
    server.close(() => resolve())
  })))
})

/**
 * A real HTTP listener standing for the shop's notify endpoint: records each POST and answers what
 * `answer(n)` says for the n-th (0-based). Closed after each test.
 */
export async function startReceiver(answer: (index: number, request: Received) => Answer) {
  const received: Received[] = []
  let inFlight = 0
  let maxInFlight = 0
  const server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', chunk => chunks.push(chunk as Buffer))
    req.on('end', () => {
      const request = { headers: req.headers, body: Buffer.concat(chunks).toString('utf8') }
      const reply = answer(received.length, request)
      received.push(request)
      if (reply === 'hang')
        return
      inFlight++
      maxInFlight = Math.max(maxInFlight, inFlight)
      setTimeout(() => {
        inFlight--
        res.writeHead(reply.status, { 'content-type': 'text/plain' }).end(reply.body ?? '')
      }, reply.delayMs ?? 0)
    })
  })
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  open.push(server)
  const { port } = server.address() as AddressInfo
  return { url: `http://127.0.0.1:${port}/api/pay/notify`, received, maxInFlight: () => maxInFlight }
}

/** Waits (polling) until `ready()` holds; throws after `limitMs` so a broken mock fails rather than hangs. */
export async function waitUntil(ready: () => boolean, limitMs = 5000): Promise<void> {
  const started = Date.now()
  while (!ready()) {
    if (Date.now() - started > limitMs)
      throw new Error('waited too long')
    await new Promise(resolve => setTimeout(resolve, 5))
  }
}

/** Lets `ms` of real time pass, for checking that nothing more arrives. */
export function pause(ms: number): Promise<void> {
  return new Promise(resolve => setTimeout(resolve, ms))
}
