import { type ApiErrorBody, ErrorCode } from '@wxshop/shared'

/** Codes the transport adds to the API's own (`VALIDATION`, `NOT_FOUND`, `INTERNAL`, …). */
export const TransportErrorCode = {
  Network: 'NETWORK',
  Timeout: 'TIMEOUT',
  Aborted: 'ABORTED',
  BadResponse: 'BAD_RESPONSE',
} as const

/** Every failed request ends up as this one error: pages branch on `code`, never on `message`. */
export class ApiError extends Error {
  override readonly name = 'ApiError'
  /** HTTP status, or 0 when no response arrived (network failure, timeout, abort). */
  readonly status: number
  readonly code: string

  constructor(status: number, code: string, message: string) {
    super(message)
    this.status = status
    this.code = code
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError
}

export type QueryValue = string | number | boolean | readonly (string | number)[] | null | undefined

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'
  query?: Record<string, QueryValue>
  body?: unknown
  /** Cancels the request; the promise then rejects with code `ABORTED`. */
  signal?: AbortSignal
  /** Milliseconds before the request is given up with code `TIMEOUT` (default 10 s). */
  timeoutMs?: number
}

export const DEFAULT_TIMEOUT_MS = 10_000
const NETWORK_MESSAGE = '网络不给力，请稍后重试'
const TIMEOUT_MESSAGE = '请求超时，请稍后重试'
const SERVER_MESSAGE = '服务器开小差了，请稍后重试'

/** JSON over fetch, same-origin cookies, one timeout, one error type. Shows no UI. */
export async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const { method = 'GET', query, body, signal, timeoutMs = DEFAULT_TIMEOUT_MS } = options
  const controller = new AbortController()
  let timedOut = false
  const timer = setTimeout(() => {
    timedOut = true
    controller.abort()
  }, timeoutMs)
  // AbortSignal.any is missing from older WKWebViews, so the caller's signal is chained by hand.
  const onCallerAbort = () => controller.abort()
  if (signal?.aborted)
    controller.abort()
  else
    signal?.addEventListener('abort', onCallerAbort, { once: true })

  let response: Response
  try {
    response = await fetch(withQuery(path, query), {
      method,
      credentials: 'same-origin',
      headers: body === undefined
        ? { Accept: 'application/json' }
        : { 'Accept': 'application/json', 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: controller.signal,
    })
  } catch {
    if (timedOut)
      throw new ApiError(0, TransportErrorCode.Timeout, TIMEOUT_MESSAGE)
    if (signal?.aborted)
      throw new ApiError(0, TransportErrorCode.Aborted, '请求已取消')
    throw new ApiError(0, TransportErrorCode.Network, NETWORK_MESSAGE)
  } finally {
    clearTimeout(timer)
    signal?.removeEventListener('abort', onCallerAbort)
  }

  const text = await response.text().catch(() => '')
  const data = parseJson(text)
  if (response.ok) {
    if (data === undefined && text !== '')
      throw new ApiError(response.status, TransportErrorCode.BadResponse, SERVER_MESSAGE)
    return data as T
  }
  throw toApiError(response.status, data)
}

function toApiError(status: number, data: unknown): ApiError {
  if (isErrorBody(data))
    return new ApiError(status, data.error.code, data.error.message)
  // A proxy's HTML page, an empty 502, a foreign JSON shape: keep the status, guess the code.
  if (status >= 500)
    return new ApiError(status, ErrorCode.Internal, SERVER_MESSAGE)
  if (status === 404)
    return new ApiError(status, ErrorCode.NotFound, '请求的内容不存在')
  return new ApiError(status, TransportErrorCode.BadResponse, `请求失败（${status}）`)
}

function isErrorBody(data: unknown): data is ApiErrorBody {
  if (typeof data !== 'object' || data === null || !('error' in data))
    return false
  const error = (data as { error: unknown }).error
  return typeof error === 'object' && error !== null
    && typeof (error as { code?: unknown }).code === 'string'
    && typeof (error as { message?: unknown }).message === 'string'
}

function parseJson(text: string): unknown {
  if (text === '')
    return undefined
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}

function withQuery(path: string, query: RequestOptions['query']): string {
  if (!query)
    return path
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(query)) {
    if (value == null || value === '')
      continue
    params.set(key, Array.isArray(value) ? value.join(',') : String(value))
  }
  const search = params.toString()
  return search ? `${path}?${search}` : path
}

/**
 * Text a shopper can read for any error. API messages are for developers (and often English),
 * so known codes get fixed Chinese wording; transport errors already carry it.
 */
export function errorMessage(error: unknown): string {
  if (!isApiError(error))
    return '出错了，请稍后重试'
  switch (error.code) {
    case TransportErrorCode.Network:
    case TransportErrorCode.Timeout:
      return error.message
    case ErrorCode.NotFound:
      return '请求的内容不存在'
    case ErrorCode.Validation:
      return '请求参数有误'
    case ErrorCode.RateLimited:
      return '操作太频繁，请稍后再试'
    default:
      return error.status >= 500 || error.code === ErrorCode.Internal ? SERVER_MESSAGE : '出错了，请稍后重试'
  }
}
