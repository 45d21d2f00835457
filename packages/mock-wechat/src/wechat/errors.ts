import { newRid } from '../state/ids'

/**
 * errmsg texts of the server APIs, as WeChat words them. WeChat appends `, rid: …` to each
 * (older answers said `hints: [ req_id: … ]`); errcode 0 answers plain `ok`.
 */
export const ApiErrmsg: Record<number, string> = {
  [-1]: 'system error',
  40001: 'invalid credential, access_token is invalid or not latest',
  40002: 'invalid grant_type',
  40003: 'invalid openid',
  40007: 'invalid media_id',
  40008: 'invalid message type',
  40013: 'invalid appid',
  40016: 'invalid button size',
  40017: 'invalid button type',
  40018: 'invalid button name size',
  40019: 'invalid button key size',
  40020: 'invalid button url size',
  40022: 'invalid sub_menu level',
  40023: 'invalid sub button size',
  40024: 'invalid sub button type',
  40025: 'invalid sub button name size',
  40026: 'invalid sub button key size',
  40027: 'invalid sub button url size',
  40029: 'invalid code',
  40030: 'invalid refresh_token',
  40033: 'invalid charset. please check your request, if include \\uxxxx will create fail!',
  40054: 'invalid sub button url domain',
  40055: 'invalid button url domain',
  40073: 'invalid card id',
  40097: 'invalid args',
  40125: 'invalid appsecret',
  40163: 'code been used',
  40164: 'invalid ip, not in whitelist',
  40165: 'invalid weapp pagepath',
  40166: 'invalid weapp appid',
  41001: 'access_token missing',
  41002: 'appid missing',
  41003: 'refresh_token missing',
  41004: 'appsecret missing',
  41008: 'missing code',
  41009: 'missing openid',
  42001: 'access_token expired',
  42002: 'refresh_token expired',
  43002: 'require POST method',
  44002: 'empty post data',
  44003: 'empty news data',
  44004: 'empty content',
  45002: 'content size out of limit',
  45008: 'article size out of limit',
  45009: 'reach max api daily quota limit',
  45011: 'api minute-quota reach limit must slower retry next minute',
  45015: 'response out of time limit or subscription is canceled',
  45047: 'out of response count limit',
  46003: 'menu no exist',
  47001: 'data format error',
  48001: 'api unauthorized',
  53600: 'invalid article_id',
}

/**
 * Where the cgi-bin/* APIs word an errcode differently from sns/*: since stable_token exists, a
 * stale or unknown global token points the caller to it (WeChat's common errcode table).
 */
export const CgiErrmsg: Record<number, string> = {
  40001: 'invalid credential, access_token is invalid or not latest, could get access_token by getStableAccessToken, more details at https://mmbizurl.cn/s/JtxxFh33r',
}

export interface WechatErrorBody {
  errcode: number
  errmsg: string
}

export function wechatError(errcode: number, nowMs: number, errmsg?: string): WechatErrorBody {
  const text = errmsg ?? ApiErrmsg[errcode] ?? 'system error'
  return { errcode, errmsg: `${text}, rid: ${newRid(nowMs)}` }
}

/**
 * Codes the authorize page shows, from the web-authorisation guide's table (错误返回码说明).
 * The page carries no rid.
 */
export const AuthorizeErrmsg: Record<number, string> = {
  [-1]: '系统错误，请稍后再试',
  10003: 'redirect_uri 域名与后台配置不一致',
  10004: '此公众号被封禁',
  10005: '此公众号并没有这些 scope 的权限',
  10006: '必须关注此测试号',
  10009: '操作太频繁了，请稍后重试',
  10010: 'scope 不能为空',
  10011: 'redirect_uri 不能为空',
  10012: 'appid 不能为空',
  10013: 'state 不能为空',
  10015: '公众号未授权第三方平台，请检查授权状态',
  10016: '不支持微信开放平台的 Appid，请使用公众号 Appid',
}
