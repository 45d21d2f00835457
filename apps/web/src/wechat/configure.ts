import type { JssdkConfig } from '@wxshop/shared'
import { WechatConfigError } from './errors'
import type { Wx, WxResult } from './sdk'

/**
 * Runs one wx.config and learns its outcome. wx.ready cannot tell (it fires for the first config
 * whatever happens, and at once for every later one), so the config is followed by wx.checkJsApi:
 * the client answers calls in order, and one made while a config is being checked only after that
 * check. wx.error having fired before that answer means this config failed.
 */
export function configureOnce(wx: Wx, errors: ConfigErrors, config: JssdkConfig): Promise<void> {
  return new Promise((resolve, reject) => {
    let failure: WxResult | null = null
    errors.listen((res) => {
      failure ??= res
    })
    wx.config({
      debug: false,
      appId: config.appId,
      timestamp: config.timestamp,
      nonceStr: config.nonceStr,
      signature: config.signature,
      // a copy: the SDK renames entries in place (openAddress → editAddress)
      jsApiList: [...config.jsApiList],
    })
    wx.checkJsApi({
      jsApiList: ['checkJsApi'],
      complete: () => {
        errors.listen(null)
        if (!failure)
          return resolve()
        const realAuthUrl = typeof failure.realAuthUrl === 'string' && failure.realAuthUrl ? failure.realAuthUrl : null
        reject(new WechatConfigError(failure.errMsg, realAuthUrl))
      },
    })
  })
}

/** wx.error keeps one handler for the page's life; it passes each failure to the config being checked. */
export interface ConfigErrors {
  listen: (handler: ((res: WxResult) => void) | null) => void
}

export function configErrorsOf(wx: Wx): ConfigErrors {
  let current: ((res: WxResult) => void) | null = null
  wx.error(res => current?.(res))
  return {
    listen: (handler) => {
      current = handler
    },
  }
}
