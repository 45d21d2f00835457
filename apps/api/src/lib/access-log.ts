import { LogController, type FastifyReply, type FastifyRequest } from 'fastify'
import { redactOAuthParams } from './redact-url'

/**
 * The access log: one line per request, written when the response is done (Fastify's own two,
 * "incoming request" at the start and "request completed" at the end, cost a JSON line each and
 * were a third of a small request's CPU). The line carries everything both had: the request id
 * (from the request's logger), method, URL with the OAuth `code` and `state` redacted, status,
 * response time in ms and the client address (the proxy's client with TRUST_PROXY). A request that
 * never completes still shows at debug, where "incoming request" is kept.
 */
export class AccessLogController extends LogController {
  override incomingRequest(request: FastifyRequest): void {
    if (!this.isLogDisabled(request))
      request.log.debug({ method: request.method, url: redactOAuthParams(request.url) }, 'incoming request')
  }

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    if (this.isLogDisabled(request))
      return
    const line = {
      method: request.method,
      url: redactOAuthParams(request.url),
      statusCode: reply.statusCode,
      responseTime: reply.elapsedTime,
      remoteAddress: request.ip,
    }
    if (error)
      reply.log.error({ ...line, err: error }, 'request errored')
    else
      reply.log.info(line, 'request completed')
  }
}
