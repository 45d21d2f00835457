import type { JssdkConfig } from '@wxshop/shared'
import { request } from './client'

/** wx.config's fields signed for `url` (the API drops its #fragment). 400 off our origin, 502 when WeChat is down. */
export function getJssdkConfig(url: string, signal?: AbortSignal): Promise<JssdkConfig> {
  return request<JssdkConfig>('/api/jssdk/config', { query: { url }, signal })
}
