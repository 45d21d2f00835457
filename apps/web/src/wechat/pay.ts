import { isPayDirectoryAllowed, type PayParams, WechatClient, wechatClientOf } from '@wxshop/shared'
import { bridgeReady } from './bridge-ready'
import { withoutFragment } from './url-to-sign'

/** What the client's pay sheet ended with. `ok` is only a hint: the server's order state decides. */
export type BrandPayResult = 'ok' | 'cancel' | 'fail'

export interface BrandPayOutcome {
  result: BrandPayResult
  /** The client's err_msg (`get_brand_wcpay_request:fail …`), for the console. */
  errMsg: string
}

interface Bridge {
  invoke: (api: string, params: Record<string, string>, callback: (res: Record<string, unknown>) => void) => void
}

/**
 * Opens WeChat's pay sheet with the server's six parameters through the bridge itself, as WeChat's
 * 公众号支付 documentation does: `WeixinJSBridge.invoke('getBrandWCPayRequest')` needs no wx.config,
 * so pay works even when the JS-SDK config failed or was signed for another URL (wx.chooseWXPay
 * would make every payment wait on, and fail with, that config). The client's own check is the pay
 * directory (payUrlToCheck below).
 */
export async function requestBrandPay(params: PayParams, bridgeTimeoutMs?: number): Promise<BrandPayOutcome> {
  await bridgeReady(bridgeTimeoutMs)
  const bridge = (window as unknown as { WeixinJSBridge: Bridge }).WeixinJSBridge
  return new Promise((resolve) => {
    bridge.invoke('getBrandWCPayRequest', {
      appId: params.appId,
      timeStamp: params.timeStamp,
      nonceStr: params.nonceStr,
      package: params.package,
      signType: params.signType,
      paySign: params.paySign,
    }, (res) => {
      const errMsg = String(res.err_msg ?? res.errMsg ?? '')
      const result: BrandPayResult = errMsg.endsWith(':ok') ? 'ok' : errMsg.endsWith(':cancel') ? 'cancel' : 'fail'
      resolve({ result, errMsg })
    })
  })
}

/**
 * The URL the client compares with the registered pay directory when the pay sheet opens on
 * `payPageUrl`: iOS WeChat checks the URL the page was first loaded with, Android the address bar.
 */
export function payUrlToCheck(userAgent: string, landingUrl: string, payPageUrl: string): string {
  return withoutFragment(wechatClientOf(userAgent) === WechatClient.Ios ? landingUrl : payPageUrl)
}

/**
 * True when paying on `payPageUrl` would be refused as 当前页面的URL未注册 unless the page is loaded
 * afresh there (iOS after in-app navigation from a page outside the directory). Without a known
 * directory (pay not configured) there is nothing to gain from a reload.
 */
export function payNeedsFullLoad(userAgent: string, landingUrl: string, payPageUrl: string, payDirectory: string | null): boolean {
  if (!payDirectory)
    return false
  return !isPayDirectoryAllowed(payUrlToCheck(userAgent, landingUrl, payPageUrl), [payDirectory])
}
