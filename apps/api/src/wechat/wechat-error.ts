// Every way a WeChat call can fail, as types the callers branch on. Messages name the API path,
// never the URL (its query can hold the appsecret) and never a request body (it can hold a key).

/** A WeChat server API (api.weixin.qq.com) answered an errcode other than 0 and -1. */
export class WechatApiError extends Error {
  readonly errcode: number
  readonly errmsg: string
  /** the API path called, e.g. /sns/oauth2/access_token (never the URL: its query holds the appsecret) */
  readonly path: string

  constructor(path: string, errcode: number, errmsg: string) {
    super(`WeChat ${path} answered errcode ${errcode}: ${errmsg}`)
    this.name = 'WechatApiError'
    this.path = path
    this.errcode = errcode
    this.errmsg = errmsg
  }
}

/**
 * WeChat Pay APIv2 (XML) said FAIL. `return_code` FAIL is a failed call (bad signature, bad
 * parameters: `errCode` is null, `message` is return_msg); `result_code` FAIL is a business answer
 * (`errCode` such as ORDERPAID, SYSTEMERROR, `message` is err_code_des).
 */
export class WechatPayV2Error extends Error {
  readonly path: string
  readonly errCode: string | null
  readonly detail: string

  constructor(path: string, errCode: string | null, detail: string) {
    super(`WeChat Pay ${path} answered ${errCode === null ? 'return_code FAIL' : `err_code ${errCode}`}: ${detail}`)
    this.name = 'WechatPayV2Error'
    this.path = path
    this.errCode = errCode
    this.detail = detail
  }
}

/** WeChat Pay APIv3 (JSON) answered an HTTP error status with its `{ code, message }` body. */
export class WechatPayV3Error extends Error {
  readonly path: string
  readonly status: number
  /** e.g. PARAM_ERROR, SIGN_ERROR, ORDER_NOT_EXIST, SYSTEM_ERROR */
  readonly code: string
  readonly detail: string

  constructor(path: string, status: number, code: string, detail: string) {
    super(`WeChat Pay ${path} answered HTTP ${status} ${code}: ${detail}`)
    this.name = 'WechatPayV3Error'
    this.path = path
    this.status = status
    this.code = code
    this.detail = detail
  }
}

/**
 * WeChat did not answer usefully: timeout, network failure, HTTP error, an answer that cannot be
 * read, or -1 (system busy). Worth a retry later.
 */
export class WechatUnavailableError extends Error {
  readonly path: string

  constructor(path: string, reason: string) {
    super(`WeChat ${path} unavailable: ${reason}`)
    this.name = 'WechatUnavailableError'
    this.path = path
  }
}

/** errcodes that mean the OAuth code cannot be used: 40163 already used, 40029 invalid or expired. */
export const CODE_REFUSED_ERRCODES: ReadonlySet<number> = new Set([40029, 40163])

/** 40164: the calling server's IP is not on the Official Account's whitelist. */
export const IP_NOT_WHITELISTED = 40164
