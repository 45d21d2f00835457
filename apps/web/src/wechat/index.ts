import type { Router } from 'vue-router'
import { getJssdkConfig } from '~/api/jssdk'
import { createWechat } from './create-wechat'
import { installRouteShare } from './install'
import { landingUrl } from './landing-url'
import { loadSdk } from './sdk'

export { WechatApiError, WechatCancelledError, WechatConfigError, WechatError, WechatUnavailableError } from './errors'

/** The page's JS-SDK session (create-wechat.ts). */
export const wechat = createWechat({
  userAgent: navigator.userAgent,
  landingUrl,
  currentUrl: () => window.location.href,
  fetchConfig: url => getJssdkConfig(url),
  loadSdk,
})

export const ready = (): Promise<void> => wechat.ready()
export const share = wechat.share
export const scan = wechat.scan
export const openAddress = wechat.openAddress
export { payNeedsFullLoad, payUrlToCheck, requestBrandPay } from './pay'

/** Signs and sets share data after every route change (main.ts, after the first paint). */
export function installWechat(router: Router): void {
  installRouteShare(router, wechat)
}
