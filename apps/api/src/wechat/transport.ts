import { buildXml, parseXml, XmlRefusedError } from '@wxshop/shared/wechat-message'
import type { FastifyBaseLogger } from 'fastify'
import { createHttpExchange, ExchangeError, type ResponseHeaders } from './http-exchange'
import { IP_NOT_WHITELISTED, WechatApiError, WechatPayV2Error, WechatPayV3Error, WechatUnavailableError } from './wechat-error'

/**
 * The one way the API talks to WeChat: open.weixin.qq.com (pages only), api.weixin.qq.com
 * (errcode JSON) and api.mch.weixin.qq.com (Pay: APIv2 XML, APIv3 JSON with signed headers).
 * Clients (OAuth now; the token service, pay and message push next) build on it and never call
 * HTTP themselves, so the timeout, the logging rules and the error types are the same everywhere.
 *
 * Never logged, never in an error message: the URL's query (the appsecret rides there), request
 * bodies and headers (a pay body is signed with the merchant key; APIv3 sends an Authorization
 * header). Only the base name, method, path and status are.
 */

export type WechatBase = 'open' | 'api' | 'pay'

export interface WechatTransportOptions {
  bases: Record<WechatBase, string>
  /** per call; WeChat's own guidance is to give up after about 5 s */
  timeoutMs?: number
  /** used when a call does not bring the request's logger */
  log: WechatLog
}

export type WechatLog = Pick<FastifyBaseLogger, 'debug' | 'warn' | 'error'>

export type WechatBody
  = | { json: unknown }
    | { xml: Record<string, string | number> }
  /** exact bytes, e.g. an APIv3 body that was signed as it is */
    | { raw: string | Uint8Array, contentType: string }

export interface WechatRequest {
  base: WechatBase
  method?: 'GET' | 'POST'
  path: string
  query?: Record<string, string>
  body?: WechatBody
  headers?: Record<string, string>
  /** the Fastify request's logger, so the call's lines carry its request id */
  log?: WechatLog
}

/** Pay calls always go to the pay base. */
export type PayRequest = Omit<WechatRequest, 'base'>

export interface WechatResponse {
  status: number
  headers: ResponseHeaders
  /** the exact bytes received: APIv3 answers and pay notifications are verified over them */
  raw: Buffer
  text: string
}

export interface PayV3Response extends WechatResponse {
  /** the parsed JSON answer; undefined for an empty body (204) */
  body: unknown
}

export const DEFAULT_WECHAT_TIMEOUT_MS = 5000

export function createWechatTransport(options: WechatTransportOptions) {
  const timeoutMs = options.timeoutMs ?? DEFAULT_WECHAT_TIMEOUT_MS
  const http = createHttpExchange()

  /** Any HTTP answer at all; throws WechatUnavailableError only when none came (timeout, network). */
  async function send(request: WechatRequest): Promise<WechatResponse> {
    const log = request.log ?? options.log
    const method = request.method ?? (request.body ? 'POST' : 'GET')
    // bases carry no trailing slash (config trims it), paths start with one; a base's own path prefix is kept
    const url = new URL(`${options.bases[request.base]}${request.path}`)
    if (request.query)
      url.search = new URLSearchParams(request.query).toString()
    const { body, contentType } = encode(request.body)
    const headers: Record<string, string> = { accept: 'application/json, text/xml, */*', ...request.headers }
    if (contentType)
      headers['content-type'] = contentType
    const started = performance.now()
    try {
      const response = await http.exchange({ url, method, headers, body, timeoutMs })
      log.debug({ wechat: { base: request.base, method, path: request.path, status: response.status, ms: Math.round(performance.now() - started) } }, 'WeChat call')
      return { ...response, text: response.raw.toString('utf8') }
    } catch (err) {
      const reason = !(err instanceof ExchangeError) ? 'network error' : err.reason === 'timeout' ? `no answer within ${timeoutMs} ms` : err.reason
      log.warn({ wechat: { base: request.base, method, path: request.path, reason } }, 'WeChat call failed')
      // No `cause`: a network error's message can quote the host and port.
      throw new WechatUnavailableError(request.path, reason)
    }
  }

  return {
    send,
    /** Closes the idle keep-alive connections to WeChat (the app is closing). */
    close: http.close,

    /**
     * A server API (api.weixin.qq.com) that answers errcode JSON, whatever its Content-Type says
     * (the sns/* APIs label JSON text/plain). errcode ≠ 0 → WechatApiError; -1, HTTP errors and
     * answers that are not a JSON object → WechatUnavailableError.
     */
    async json(request: WechatRequest): Promise<Record<string, unknown>> {
      const response = await send(request)
      const { path } = request
      if (response.status < 200 || response.status >= 300)
        throw new WechatUnavailableError(path, `HTTP ${response.status}`)
      const body = parseObject(response.text)
      if (!body)
        throw new WechatUnavailableError(path, 'the answer is not a JSON object')
      const errcode = body.errcode
      if (typeof errcode === 'number' && errcode !== 0) {
        const errmsg = typeof body.errmsg === 'string' ? body.errmsg : ''
        if (errcode === -1)
          throw new WechatUnavailableError(path, `system busy (-1: ${errmsg})`)
        if (errcode === IP_NOT_WHITELISTED) {
          (request.log ?? options.log).error({ errcode, errmsg, path }, 'WeChat refused this server\'s IP (40164): add the server\'s '
          + 'outbound IP to the Official Account\'s IP whitelist (公众号后台 → 设置与开发 → 基本配置 → IP白名单)')
        }
        throw new WechatApiError(path, errcode, errmsg)
      }
      return body
    },

    /**
     * WeChat Pay APIv2: posts `xml` (already signed by the caller) and answers the fields when both
     * return_code and result_code say SUCCESS. The caller verifies the answer's sign.
     */
    async payV2(request: PayRequest & { body: { xml: Record<string, string | number> } }): Promise<Record<string, string>> {
      const response = await send({ ...request, base: 'pay', method: 'POST' })
      const { path } = request
      if (response.status < 200 || response.status >= 300)
        throw new WechatUnavailableError(path, `HTTP ${response.status}`)
      let fields: Record<string, string>
      try {
        fields = parseXml(response.text)
      } catch (err) {
        throw new WechatUnavailableError(path, err instanceof XmlRefusedError ? err.message : 'the answer is not XML')
      }
      if (fields.return_code !== 'SUCCESS')
        throw new WechatPayV2Error(path, null, fields.return_msg ?? '')
      if (fields.result_code !== undefined && fields.result_code !== 'SUCCESS')
        throw new WechatPayV2Error(path, fields.err_code ?? 'FAIL', fields.err_code_des ?? '')
      return fields
    },

    /**
     * WeChat Pay APIv3: the caller signs (Authorization header, over the exact `raw` body it
     * passes) and verifies the answer's signature over `raw`. 2xx → the answer; 4xx/5xx with
     * `{ code, message }` → WechatPayV3Error; anything else unreadable → WechatUnavailableError.
     */
    async payV3(request: PayRequest): Promise<PayV3Response> {
      const response = await send({ ...request, base: 'pay' })
      const { path } = request
      const body = response.text === '' ? undefined : parseJson(response.text)
      if (response.status >= 200 && response.status < 300) {
        if (body === INVALID)
          throw new WechatUnavailableError(path, 'the answer is not JSON')
        return { ...response, body }
      }
      const error = body !== INVALID && typeof body === 'object' && body !== null ? body as { code?: unknown, message?: unknown } : {}
      if (typeof error.code !== 'string')
        throw new WechatUnavailableError(path, `HTTP ${response.status}`)
      throw new WechatPayV3Error(path, response.status, error.code, typeof error.message === 'string' ? error.message : '')
    },
  }
}

export type WechatTransport = ReturnType<typeof createWechatTransport>

function encode(body: WechatBody | undefined): { body?: string | Uint8Array, contentType?: string } {
  if (!body)
    return {}
  if ('json' in body)
    return { body: JSON.stringify(body.json), contentType: 'application/json' }
  if ('xml' in body)
    return { body: buildXml(body.xml), contentType: 'text/xml; charset=utf-8' }
  return { body: body.raw, contentType: body.contentType }
}

const INVALID = Symbol('invalid JSON')

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return INVALID
  }
}

function parseObject(text: string): Record<string, unknown> | null {
  const value = parseJson(text)
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? value as Record<string, unknown> : null
}
