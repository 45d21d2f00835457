/** WeChat answered, with an errcode other than 0 (and other than -1, which is "busy"). */
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

/** WeChat did not answer usefully: timeout, network failure, HTTP error, not JSON, or -1 (system busy). Worth a retry later. */
export class WechatUnavailableError extends Error {
  readonly path: string

  constructor(path: string, reason: string, options?: ErrorOptions) {
    super(`WeChat ${path} unavailable: ${reason}`, options)
    this.name = 'WechatUnavailableError'
    this.path = path
  }
}

/** errcodes that mean the OAuth code cannot be used: 40163 already used, 40029 invalid or expired. */
export const CODE_REFUSED_ERRCODES: ReadonlySet<number> = new Set([40029, 40163])

/** 40164: the calling server's IP is not on the Official Account's whitelist. */
export const IP_NOT_WHITELISTED = 40164
