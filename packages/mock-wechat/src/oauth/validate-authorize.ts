import type { MockWechatConfig } from '../config'
import { OauthScope, type PendingAuthorization } from '../state/grants'

export interface AuthorizeQuery {
  appid?: string
  redirect_uri?: string
  response_type?: string
  scope?: string
  state?: string
}

/** What the error page shows: WeChat's errcode and text, plus a hint that only the mock gives. */
export interface AuthorizeFailure {
  errcode?: number
  message?: string
  hint: string
}

const MAX_STATE_BYTES = 128

/**
 * Checks an authorize request the way open.weixin.qq.com does, in the order listed in the guide's
 * error table. The hostname of `redirect_uri` must equal the 网页授权域名 exactly: subdomains do not
 * match. The port is ignored so that http://localhost:3000 works in development.
 */
export function validateAuthorize(query: AuthorizeQuery, config: MockWechatConfig): PendingAuthorization | AuthorizeFailure {
  const { appid, redirect_uri: redirectUri, response_type: responseType, scope, state = '' } = query
  if (!appid)
    return { errcode: 10012, hint: 'appid 参数缺失' }
  if (appid !== config.appId)
    return { errcode: 10016, hint: `appid ${appid} 不是本模拟器的公众号（WECHAT_APPID=${config.appId}）` }
  if (!redirectUri)
    return { errcode: 10011, hint: 'redirect_uri 参数缺失' }
  const host = hostnameOf(redirectUri)
  if (host !== config.oauthDomain)
    return { errcode: 10003, hint: `redirect_uri 的域名为 ${host ?? '（无法解析）'}，网页授权域名为 ${config.oauthDomain}` }
  if (!scope)
    return { errcode: 10010, hint: 'scope 参数缺失' }
  if (scope !== OauthScope.Base && scope !== OauthScope.Userinfo)
    return { errcode: 10005, hint: `scope 只能是 snsapi_base 或 snsapi_userinfo，收到 ${scope}` }
  if (responseType !== 'code')
    return { message: '参数错误', hint: `response_type 必须为 code，收到 ${responseType ?? '（空）'}` }
  if (Buffer.byteLength(state, 'utf8') > MAX_STATE_BYTES)
    return { message: '参数错误', hint: `state 最多 ${MAX_STATE_BYTES} 字节，收到 ${Buffer.byteLength(state, 'utf8')} 字节` }
  return { appId: appid, redirectUri, scope, state }
}

export function isFailure(result: PendingAuthorization | AuthorizeFailure): result is AuthorizeFailure {
  return 'hint' in result
}

function hostnameOf(uri: string): string | undefined {
  try {
    const url = new URL(uri)
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.hostname : undefined
  } catch {
    return undefined
  }
}
