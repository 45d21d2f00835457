import { ErrorCode, type ApiErrorBody, type ErrorCodeValue } from '@wxshop/shared'
import type { FastifyError } from 'fastify'
import fp from 'fastify-plugin'
import { ApiError } from '../errors'
import { redactOAuthParams, redactOAuthQuery } from '../lib/redact-url'

/**
 * The one error handler: every failure leaves as `{ error: { code, message } }`.
 * fp so it is set on the root instance and every route plugin inherits it.
 */
export default fp(async function errorHandler(fastify) {
  fastify.setErrorHandler((err: FastifyError | ApiError, request, reply) => {
    const { statusCode, body } = toErrorResponse(err)
    if (statusCode >= 500) {
      request.log.error({
        err,
        // code and state are one-time credentials: the log keeps that they were there, not their values
        request: { method: request.method, url: redactOAuthParams(request.url), query: redactOAuthQuery(request.query), params: request.params },
      }, 'request failed')
    }
    return reply.code(statusCode).send(body)
  })
}, { name: 'error-handler' })

function toErrorResponse(err: FastifyError | ApiError): { statusCode: number, body: ApiErrorBody } {
  if (err instanceof ApiError)
    return { statusCode: err.statusCode, body: { error: { code: err.code, message: err.message } } }
  const status = err.statusCode ?? 500
  // Messages of unexpected failures can hold SQL, paths or secrets: the client gets none of it.
  if (status < 400 || status >= 500)
    return { statusCode: status >= 500 ? status : 500, body: { error: { code: ErrorCode.Internal, message: 'Internal Server Error' } } }
  return { statusCode: status, body: { error: { code: codeForStatus(status), message: err.message } } }
}

/** The one error shape, for answers written outside the error handler (framework and socket errors). */
export function errorBody(status: number, message: string): ApiErrorBody {
  return { error: { code: status >= 500 ? ErrorCode.Internal : codeForStatus(status), message } }
}

function codeForStatus(status: number): ErrorCodeValue {
  switch (status) {
    case 401: return ErrorCode.Unauthorized
    case 403: return ErrorCode.Forbidden
    case 404: return ErrorCode.NotFound
    case 409: return ErrorCode.Conflict
    case 429: return ErrorCode.RateLimited
    // 400 validation, and the rest of 4xx (bad JSON, too large, wrong media type): the request is at fault
    default: return ErrorCode.Validation
  }
}
