import type { FastifyBaseLogger } from 'fastify'
import { IP_NOT_WHITELISTED, WechatApiError, WechatUnavailableError } from './wechat-error'

export interface WechatGetOptions {
  timeoutMs: number
  log?: Pick<FastifyBaseLogger, 'error'>
}

/**
 * GETs a WeChat server API and answers its JSON body, or throws a WechatApiError (errcode ≠ 0) or a
 * WechatUnavailableError. The sns/* APIs answer JSON labelled `text/plain`, so the body is read as
 * text and parsed whatever the header says.
 */
export async function wechatGet(url: URL, options: WechatGetOptions): Promise<Record<string, unknown>> {
  const path = url.pathname
  let text: string
  try {
    // The timeout covers the body too: a server that stalls mid-answer is as unavailable as a silent one.
    const response = await fetch(url, { signal: AbortSignal.timeout(options.timeoutMs) })
    if (!response.ok)
      throw new WechatUnavailableError(path, `HTTP ${response.status}`)
    text = await response.text()
  } catch (err) {
    if (err instanceof WechatUnavailableError)
      throw err
    const timedOut = err instanceof DOMException && (err.name === 'TimeoutError' || err.name === 'AbortError')
    throw new WechatUnavailableError(path, timedOut ? `no answer within ${options.timeoutMs} ms` : reason(err), { cause: err })
  }

  const body = parseObject(text)
  if (!body)
    throw new WechatUnavailableError(path, 'the answer is not a JSON object')
  const errcode = body.errcode
  if (typeof errcode === 'number' && errcode !== 0) {
    const errmsg = typeof body.errmsg === 'string' ? body.errmsg : ''
    if (errcode === -1)
      throw new WechatUnavailableError(path, `system busy (-1: ${errmsg})`)
    if (errcode === IP_NOT_WHITELISTED) {
      options.log?.error({ errcode, errmsg, path }, 'WeChat refused this server\'s IP (40164): add the server\'s outbound IP to the '
      + 'Official Account\'s IP whitelist (公众号后台 → 设置与开发 → 基本配置 → IP白名单)')
    }
    throw new WechatApiError(path, errcode, errmsg)
  }
  return body
}

function parseObject(text: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(text)
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? value as Record<string, unknown> : null
  } catch {
    return null
  }
}

/** fetch's network errors say "fetch failed" and keep the reason (ECONNREFUSED…) in `cause`. */
function reason(err: unknown): string {
  const cause = (err as { cause?: { code?: string, message?: string } }).cause
  return cause?.code ?? cause?.message ?? (err instanceof Error ? err.message : String(err))
}
