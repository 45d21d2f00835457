import { WechatApiError, WechatCancelledError } from './errors'
import type { WxCallbacks, WxResult } from './sdk'

/** One JS-SDK call as a promise: ok resolves, cancel rejects WechatCancelledError, anything else WechatApiError. */
export function call<T extends WxResult, O extends object>(
  api: string,
  fn: (options: O & WxCallbacks<T>) => void,
  options: NoInfer<O>,
): Promise<T> {
  return new Promise((resolve, reject) => {
    fn({
      ...options,
      success: resolve,
      cancel: () => reject(new WechatCancelledError(api)),
      fail: res => reject(new WechatApiError(res.errMsg)),
    })
  })
}
