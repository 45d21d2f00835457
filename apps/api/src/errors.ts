import { ErrorCode, type ErrorCodeValue } from '@wxshop/shared'

/**
 * An error whose status, code and message are written for the client as they are.
 * Anything else that reaches the error handler with a 5xx status is hidden behind a generic message.
 */
export class ApiError extends Error {
  readonly statusCode: number
  readonly code: ErrorCodeValue

  constructor(statusCode: number, code: ErrorCodeValue, message: string) {
    super(message)
    this.name = 'ApiError'
    this.statusCode = statusCode
    this.code = code
  }
}

export function notFound(message: string): ApiError {
  return new ApiError(404, ErrorCode.NotFound, message)
}

export function unauthorized(message: string): ApiError {
  return new ApiError(401, ErrorCode.Unauthorized, message)
}

/** A problem that stops the server from starting; server.ts prints its message as one line. */
export class StartupError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options)
    this.name = 'StartupError'
  }
}
