import type { MockWechatConfig } from '../config'

export interface ClientCredential {
  grant_type?: string
  appid?: string
  secret?: string
}

/**
 * What cgi-bin/token and cgi-bin/stable_token answer for a bad request, in that order: 40002 unless
 * grant_type is client_credential, then 41002 / 40013 for the appid, 41004 / 40125 for the secret.
 * WeChat's global return-code table still says 40001 for a wrong AppSecret; today it answers
 * 40125 `invalid appsecret`, which is what clients meet.
 */
export function checkClientCredential(config: MockWechatConfig, request: ClientCredential): 40002 | 41002 | 40013 | 41004 | 40125 | undefined {
  if (request.grant_type !== 'client_credential')
    return 40002
  if (!request.appid)
    return 41002
  if (request.appid !== config.appId)
    return 40013
  if (!request.secret)
    return 41004
  if (request.secret !== config.appSecret)
    return 40125
  return undefined
}
