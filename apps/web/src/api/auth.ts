import type { AuthorizeRequest, AuthorizeResponse, CodeExchangeRequest, LoginRequest, Me, Ok, RegisterRequest } from '@wxshop/shared'
import { request } from './client'

/** The WeChat authorize URL for `scope`, with a fresh state bound to this browser. */
export async function authorizeUrl(body: AuthorizeRequest): Promise<string> {
  const { url } = await request<AuthorizeResponse>('/api/auth/wechat/authorize', { method: 'POST', body })
  return url
}

/** Trades the code WeChat brought back for a session (a 快照页 identity gets none: `snapshot: true`). */
export function exchangeCode(body: CodeExchangeRequest): Promise<Me> {
  return request<Me>('/api/auth/wechat/code', { method: 'POST', body })
}

/** The session's user; rejects with status 401 when there is no session. */
export function getMe(): Promise<Me> {
  return request<Me>('/api/me')
}

/** Creates a shop account and binds this WeChat identity to it. */
export function registerAccount(body: RegisterRequest): Promise<Me> {
  return request<Me>('/api/account/register', { method: 'POST', body })
}

/** Logs in to a shop account and binds this WeChat identity to it. */
export function loginAccount(body: LoginRequest): Promise<Me> {
  return request<Me>('/api/account/login', { method: 'POST', body })
}

/** Ends the session and unbinds this WeChat identity from its shop account. */
export function logout(): Promise<Ok> {
  // an empty JSON object: the API takes only JSON on state-changing routes (a form cannot send it)
  return request<Ok>('/api/auth/logout', { method: 'POST', body: {} })
}
