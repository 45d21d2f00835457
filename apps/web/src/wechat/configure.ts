import type { JssdkConfig } from '@wxshop/shared'
import { WechatConfigError } from './errors'
import type { Wx, WxResult } from './sdk'

/**
 * Runs one wx.config and learns its outcome. wx.ready cannot tell (it fires for the first config
 * whatever happens, and at once for every later one), so the config is followed by wx.checkJsApi:
 * the client answers calls in order, and one made while a config is being checked only after that
 * check. wx.error having fired before that answer means this config failed.
 */
export function configureOnce(wx: Wx, errors: ConfigErrors, config: JssdkConfig, timeoutMs = CONFIG_TIMEOUT_MS): Promise<void> {
  return new Promise((resolve, reject) => {
    let failure: WxResult | null = null
    // A client that never answers (or an answer the SDK chokes on) must not hold every later config.
    let done = false
    const timer = setTimeout(() => {
      done = true
      errors.listen(null)
      reject(new WechatConfigError(CONFIG_NO_ANSWER))
    }, timeoutMs)
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
        // a late answer: a later config may be listening by now
        if (done)
          return
        done = true
        clearTimeout(timer)
        errors.listen(null)
        if (!failure)
          return resolve()
        const realAuthUrl = typeof failure.realAuthUrl === 'string' && failure.realAuthUrl ? failure.realAuthUrl : null
        reject(new WechatConfigError(failure.errMsg, realAuthUrl))
      },
    })
  })
}

/** How long a config may go unanswered before it counts as failed. */
export const CONFIG_TIMEOUT_MS = 15_000
export const CONFIG_NO_ANSWER = 'config:no answer'

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
