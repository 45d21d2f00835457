import type { Socket } from 'node:net'
import { STATUS_CODES, type Server } from 'node:http'
import type { FastifyHttpOptions, FastifyReply, FastifyServerOptions } from 'fastify'
import type { AppConfig } from './config'
import { AccessLogController } from './lib/access-log'
import { formatValidationErrors } from './lib/validation-message'
import { redactOAuthParams } from './lib/redact-url'
import { validatorCompilers } from './lib/validator-compiler'
import { errorBody } from './plugins/error-handler'

// buildApp's Fastify options, each set on purpose: timeouts, body limit, ajv, logging and the answers
// Fastify and Node write before any route or error handler runs.

/** A whole request (headers and body) must arrive within this: our bodies are small JSON or XML. */
const REQUEST_TIMEOUT_MS = 30_000
/** Headers must arrive within this (slowloris); less than REQUEST_TIMEOUT_MS, as Node requires. */
const HEADERS_TIMEOUT_MS = 15_000
/** A socket with no traffic at all for this long is closed. */
const CONNECTION_TIMEOUT_MS = 60_000
/**
 * How long an idle keep-alive connection stays open. Longer than the idle timeout of the proxy or
 * load balancer in front (nginx's upstream keepalive and AWS ALB: 60 s; nginx's own client default
 * is 75 s), so the proxy always closes first: if we closed first, a request the proxy had just sent
 * on that connection would be lost and the shopper would see a 502. (A load balancer with a longer
 * idle timeout, e.g. Google Cloud's 600 s, needs this raised above it.)
 */
const KEEP_ALIVE_TIMEOUT_MS = 75_000
/** Largest request body: forms, cart changes and WeChat's XML pushes are a few KiB. */
const BODY_LIMIT_BYTES = 128 * 1024

export function fastifyOptions(config: AppConfig, logger: FastifyServerOptions['logger'] = false): FastifyHttpOptions<Server> {
  return {
    logger: withRedactedUrls(logger),
    // one access-log line per request, not Fastify's two (lib/access-log.ts)
    logController: new AccessLogController(),
    trustProxy: config.trustProxy,
    requestTimeout: REQUEST_TIMEOUT_MS,
    connectionTimeout: CONNECTION_TIMEOUT_MS,
    keepAliveTimeout: KEEP_ALIVE_TIMEOUT_MS,
    http: { headersTimeout: HEADERS_TIMEOUT_MS },
    bodyLimit: BODY_LIMIT_BYTES,
    // Query strings and path parameters are coerced from text, JSON bodies are not (see the file).
    schemaController: { compilersFactory: validatorCompilers },
    schemaErrorFormatter: formatValidationErrors,
    // A URL Fastify cannot decode (`/api/products/%E0%A4%A`): 400 in our shape, not Fastify's own.
    frameworkErrors: (error, _request, reply: FastifyReply) => {
      const status = error.statusCode ?? 400
      void reply.code(status).send(errorBody(status, status === 400 ? 'the URL is not valid' : STATUS_CODES[status] ?? 'error'))
    },
    clientErrorHandler,
  }
}

/**
 * Requests Node's HTTP parser refuses before Fastify sees them (a method it does not know,
 * malformed lines, headers too large, a request that took too long): answered in our shape too.
 */
function clientErrorHandler(err: NodeJS.ErrnoException, socket: Socket): void {
  if (err.code === 'ECONNRESET' || socket.destroyed)
    return
  const status = err.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : err.code === 'HPE_HEADER_OVERFLOW' ? 431 : 400
  const body = JSON.stringify(errorBody(status, STATUS_CODES[status] ?? 'Bad Request'))
  if (socket.writable) {
    socket.write(`HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/json; charset=utf-8\r\n`
      + `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`)
  }
  socket.destroy()
}

/**
 * Request lines in the log without OAuth codes and states (`/profile?code=[redacted]`): a code
 * is a one-time credential, and the log is read by more people than the database.
 */
function withRedactedUrls(logger: FastifyServerOptions['logger']): FastifyServerOptions['logger'] {
  if (!logger)
    return false
  const options = logger === true ? {} : logger
  return {
    ...options,
    serializers: {
      ...options.serializers,
      req: (request: { method: string, url: string, host?: string, ip?: string, socket?: Socket }) => ({
        method: request.method,
        url: redactOAuthParams(request.url),
        host: request.host,
        remoteAddress: request.ip,
        remotePort: request.socket?.remotePort,
      }),
    },
  }
}
