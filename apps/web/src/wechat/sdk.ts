/** What WeChat's callbacks receive: `errMsg` like `scanQRCode:ok`, plus the API's own fields. */
export interface WxResult {
  errMsg: string
  [field: string]: unknown
}

export interface WxCallbacks<T extends WxResult = WxResult> {
  success?: (res: T) => void
  fail?: (res: WxResult) => void
  cancel?: (res: WxResult) => void
  complete?: (res: WxResult) => void
}

export interface WxShareData {
  title: string
  desc: string
  /** On the JS safe domain, or WeChat refuses it. */
  link: string
  /** Absolute URL of a PNG or JPG (WeChat draws no SVG thumbnail). */
  imgUrl: string
}

export interface WxConfig {
  debug?: boolean
  appId: string
  timestamp: number
  nonceStr: string
  signature: string
  jsApiList: string[]
}

/**
 * The part of `weixin-js-sdk` (WeChat's jweixin 1.6) we call. Its own typings declare a default
 * export that is a function, so we describe the object it really exports instead.
 */
export interface Wx {
  config: (config: WxConfig) => void
  /** One handler for every failed config (a later call replaces it). */
  error: (handler: (res: WxResult) => void) => void
  checkJsApi: (options: { jsApiList: string[] } & WxCallbacks) => void
  updateAppMessageShareData: (options: WxShareData & WxCallbacks) => void
  updateTimelineShareData: (options: Omit<WxShareData, 'desc'> & WxCallbacks) => void
  /** WeChat's address book (needs `openAddress` in jsApiList; answers in address.ts's shape). */
  openAddress: (options: WxCallbacks<WxResult>) => void
  scanQRCode: (options: { needResult: 0 | 1, scanType: Array<'qrCode' | 'barCode'> } & WxCallbacks<WxResult & { resultStr?: string }>) => void
}

/**
 * The SDK in its own chunk: it reads navigator.userAgent when evaluated, and waits for the client's
 * `WeixinJSBridge`. Only ever imported inside WeChat.
 */
export async function loadSdk(): Promise<Wx> {
  const module = await import('weixin-js-sdk') as unknown as { default?: Wx } & Wx
  return module.default ?? module
}
