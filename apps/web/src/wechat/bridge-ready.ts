import { WechatUnavailableError } from './errors'

/** How long to wait for WeChat's bridge before sharing and scanning are given up for this page. */
export const BRIDGE_TIMEOUT_MS = 10_000

/**
 * Resolves when the client's `window.WeixinJSBridge` is there. The SDK queues wx.config until then,
 * but drops any other call made before it (no callback ever), so nothing may be called earlier.
 */
export function bridgeReady(timeoutMs = BRIDGE_TIMEOUT_MS): Promise<void> {
  if ('WeixinJSBridge' in window && window.WeixinJSBridge)
    return Promise.resolve()
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      document.removeEventListener('WeixinJSBridgeReady', onReady)
      reject(new WechatUnavailableError('WeixinJSBridge did not come'))
    }, timeoutMs)
    function onReady() {
      clearTimeout(timer)
      resolve()
    }
    document.addEventListener('WeixinJSBridgeReady', onReady, { once: true })
  })
}
