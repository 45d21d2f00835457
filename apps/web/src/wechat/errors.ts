/** Every failure of the wechat module is one of these: callers branch on the class, never on text. */
export class WechatError extends Error {}

/** Not inside WeChat's in-app browser (the SDK is never loaded there), or the SDK or the client's bridge did not come. */
export class WechatUnavailableError extends WechatError {
  override readonly name = 'WechatUnavailableError'
  constructor(message = 'not in WeChat') {
    super(message)
  }
}

/**
 * wx.config could not be made to hold: the API gave no signature (400, 502, network), or WeChat
 * refused the config, and the one re-sign with the other URL (or `realAuthUrl`) was refused too.
 */
export class WechatConfigError extends WechatError {
  override readonly name = 'WechatConfigError'
  /** WeChat's `config:…` message, or the API's error code when no config was made. */
  readonly reason: string
  /** The URL a newer iOS client says it checked, when its error carries one. */
  readonly realAuthUrl: string | null

  constructor(reason: string, realAuthUrl: string | null = null) {
    super(`wx.config failed: ${reason}`)
    this.reason = reason
    this.realAuthUrl = realAuthUrl
  }

  get invalidSignature(): boolean {
    return this.reason === 'config:invalid signature'
  }
}

/** The user closed the scanner or the share sheet. */
export class WechatCancelledError extends WechatError {
  override readonly name = 'WechatCancelledError'
  constructor(api: string) {
    super(`${api}: cancelled`)
  }
}

/** A JS-SDK call answered with anything but ok or cancel (`scanQRCode:permission denied`, …). */
export class WechatApiError extends WechatError {
  override readonly name = 'WechatApiError'
  readonly errMsg: string
  constructor(errMsg: string) {
    super(errMsg)
    this.errMsg = errMsg
  }

  /** The client refused the call: no config holds for this page (or, on some clients, for this URL). */
  get permissionDenied(): boolean {
    return this.errMsg.endsWith(':permission denied')
  }
}
