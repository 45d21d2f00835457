/**
 * The client a page or request comes from, by user agent: WeChat's in-app browser adds
 * `MicroMessenger/x.y.z` (any case) to the system WebView's user agent. iPads count as iOS; WeChat for
 * PC/Mac, which cannot complete web authorisation the same way, counts as not WeChat. One rule for
 * the SPA (open-in-WeChat page), the API (page fast path) and the mock (its call log).
 */
export const WechatClient = {
  Ios: 'ios-wechat',
  Android: 'android-wechat',
  None: 'not-wechat',
} as const
export type WechatClient = typeof WechatClient[keyof typeof WechatClient]

export function wechatClientOf(userAgent: string | undefined): WechatClient {
  const ua = userAgent ?? ''
  if (!/MicroMessenger\//i.test(ua))
    return WechatClient.None
  if (/iPhone|iPad|iPod/i.test(ua))
    return WechatClient.Ios
  if (/Android/i.test(ua))
    return WechatClient.Android
  return WechatClient.None
}

/** True inside WeChat's in-app browser on a phone: where web authorisation can complete. */
export function isWechat(userAgent: string | undefined): boolean {
  return wechatClientOf(userAgent) !== WechatClient.None
}
