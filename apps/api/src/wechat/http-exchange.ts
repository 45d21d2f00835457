import { Agent as HttpAgent, request as httpRequest, type IncomingHttpHeaders } from 'node:http'
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https'

// One HTTP exchange with WeChat over node:http(s) and keep-alive agents. The transport used the
// global fetch before; on Node 20 and 24 fetch (undici's WHATWG layer: streams, Headers, an
// AbortSignal per call) cost ~240–310 µs of CPU per call against ~75–95 µs for this, measured
// side by side against a local server, and under a burst of payments every paid order's
// template message is one such call on the thread that answers WeChat Pay's notifies
// (docs/PERFORMANCE.md, bench:pay-notify).

export interface ExchangeRequest {
  url: URL
  method: 'GET' | 'POST'
  headers: Record<string, string>
  body?: string | Uint8Array
  /** the whole exchange, the answer's body included: a server that stalls mid-answer is as unavailable as a silent one */
  timeoutMs: number
}

/** A received header by its case-insensitive name (a repeated one joined as Node joins it). */
export interface ResponseHeaders {
  get: (name: string) => string | null
}

export interface ExchangeResponse {
  status: number
  headers: ResponseHeaders
  /** the exact bytes received */
  raw: Buffer
}

/** Why no answer came: `timeout`, or the network error's code (ECONNREFUSED, ECONNRESET, ENOTFOUND…). */
export class ExchangeError extends Error {
  readonly reason: string
  constructor(reason: string) {
    super(reason)
    this.name = 'ExchangeError'
    this.reason = reason
  }
}

/** No WeChat answer comes near this; a larger body is refused rather than buffered. */
export const MAX_ANSWER_BYTES = 4 * 1024 * 1024

export function createHttpExchange() {
  // keep-alive: one TLS handshake per connection, not per call. Idle sockets close after 4 s (or
  // sooner when the server's Keep-Alive header says so, which Node's agent reads) and never keep
  // the process alive.
  const agents = {
    'http:': new HttpAgent({ keepAlive: true, timeout: 4000, maxSockets: 64 }),
    'https:': new HttpsAgent({ keepAlive: true, timeout: 4000, maxSockets: 64 }),
  }

  function exchange(request: ExchangeRequest): Promise<ExchangeResponse> {
    const { url } = request
    const secure = url.protocol === 'https:'
    if (!secure && url.protocol !== 'http:')
      return Promise.reject(new ExchangeError(`unsupported protocol ${url.protocol}`))
    return new Promise<ExchangeResponse>((resolve, reject) => {
      let settled = false
      const finish = (outcome: () => void) => {
        if (settled)
          return
        settled = true
        clearTimeout(timer)
        outcome()
      }
      const headers: Record<string, string | number> = { ...request.headers }
      if (request.body !== undefined)
        headers['content-length'] = Buffer.byteLength(request.body)
      const send = secure ? httpsRequest : httpRequest
      // redirects are answers like any other (never followed): the callers treat a 3xx as unavailable
      const outgoing = send(url, { method: request.method, headers, agent: agents[url.protocol as 'http:' | 'https:'] }, (incoming) => {
        const chunks: Buffer[] = []
        let size = 0
        incoming.on('data', (chunk: Buffer) => {
          size += chunk.length
          if (size > MAX_ANSWER_BYTES) {
            outgoing.destroy()
            finish(() => reject(new ExchangeError(`answer larger than ${MAX_ANSWER_BYTES} bytes`)))
            return
          }
          chunks.push(chunk)
        })
        incoming.on('end', () => finish(() => resolve({ status: incoming.statusCode ?? 0, headers: receivedHeaders(incoming.headers), raw: Buffer.concat(chunks, size) })))
        incoming.on('error', err => finish(() => reject(new ExchangeError(codeOf(err)))))
        // a connection closed before the answer's end ('aborted' on Node 20, 'error' on later ones)
        incoming.on('aborted', () => finish(() => reject(new ExchangeError('ECONNRESET'))))
      })
      const timer = setTimeout(() => {
        finish(() => reject(new ExchangeError('timeout')))
        outgoing.destroy()
      }, request.timeoutMs)
      outgoing.on('error', err => finish(() => reject(new ExchangeError(codeOf(err)))))
      outgoing.end(request.body)
    })
  }

  return {
    exchange,
    /** Closes the idle keep-alive connections (the app is closing). */
    close(): void {
      agents['http:'].destroy()
      agents['https:'].destroy()
    },
  }
}

export type HttpExchange = ReturnType<typeof createHttpExchange>

function receivedHeaders(headers: IncomingHttpHeaders): ResponseHeaders {
  return {
    get: (name) => {
      const value = headers[name.toLowerCase()]
      if (value === undefined)
        return null
      return Array.isArray(value) ? value.join(', ') : value
    },
  }
}

/** Node's network errors carry a code; the message can quote the host, never the query, but the code says enough. */
function codeOf(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code
  return code ?? (err instanceof Error ? err.name : 'network error')
}
