export type WechatEnv = 'ios-wechat' | 'android-wechat' | 'not-wechat'

/**
 * The client this page runs in, by user agent (the mock WeChat uses the same rule): WeChat's in-app
 * browser adds `MicroMessenger/x.y.z` to the system WebView's. iPads count as iOS; WeChat for
 * PC/Mac, which cannot complete web authorisation the same way, counts as not WeChat.
 */
export function wechatEnv(userAgent: string = navigator.userAgent): WechatEnv {
  if (!/MicroMessenger\//i.test(userAgent))
    return 'not-wechat'
  if (/iPhone|iPad|iPod/.test(userAgent))
    return 'ios-wechat'
  if (/Android/.test(userAgent))
    return 'android-wechat'
  return 'not-wechat'
}
