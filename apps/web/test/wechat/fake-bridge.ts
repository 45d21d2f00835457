import { vi } from 'vitest'

export const IOS_WECHAT_UA = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 MicroMessenger/8.0.50(0x1800322c) NetType/WIFI Language/zh_CN'
export const ANDROID_WECHAT_UA = 'Mozilla/5.0 (Linux; Android 14; Pixel 7; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/130 Mobile Safari/537.36 XWEB/1300289 MicroMessenger/8.0.50.2701(0x28003253) WeChat/arm64 Weixin NetType/WIFI'
export const CHROME_UA = 'Mozilla/5.0 (Linux; Android 14; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130 Mobile Safari/537.36'

export const APP_ID = 'wxa1b2c3d4e5f60718'

/** The test API's signature: stands for sha1(ticket, nonce, timestamp, url), which only the URL varies here. */
export function fakeSignature(url: string): string {
  return `sig:${url}`
}

export interface BridgeCall {
  name: string
  params: Record<string, unknown>
}

export interface FakeBridgeOptions {
  /** iPhone answers scan results as JSON, Android as text, like the real clients. */
  device: 'ios' | 'android'
  /** The URL this client checks signatures against: the page's first URL (older iOS) or the address bar now. */
  checks: 'landing' | 'current'
  /** The URL the page was first loaded with. */
  landingUrl: string
  /** Newer iOS clients put the URL they checked into the error. */
  sendsRealAuthUrl?: boolean
}

/**
 * A small WeChat client for the real weixin-js-sdk to talk to: `window.WeixinJSBridge.invoke`,
 * answered strictly in the order of the calls (our contract with the mock's bridge), a call made
 * while a config is being checked answered after it and by its outcome; every API but the config
 * answers `permission denied` until a config held.
 */
export function installFakeBridge(options: FakeBridgeOptions) {
  const calls: BridgeCall[] = []
  const shares: Record<string, Record<string, unknown>> = {}
  const scans: Array<{ text: string } | 'cancel'> = []
  /** The URL the page's config holds for, or null before a config held. */
  let configuredFor: string | null = null
  /** A client that has stopped answering (hung, or busy elsewhere). */
  let silent = false
  let answering: Promise<void> = Promise.resolve()

  function checkedUrl(): string {
    const url = options.checks === 'landing' ? options.landingUrl : window.location.href
    return url.split('#')[0]!
  }

  function answer(name: string, params: Record<string, unknown>): Record<string, unknown> {
    if (name === 'preVerifyJSAPI') {
      const url = checkedUrl()
      const holds = params.verifyAppId === APP_ID && params.verifySignature === fakeSignature(url)
      configuredFor = holds ? url : null
      if (holds)
        return { err_msg: 'config:ok' }
      return { err_msg: 'config:invalid signature', ...(options.sendsRealAuthUrl ? { realAuthUrl: url } : {}) }
    }
    if (name === 'getNetworkType')
      return { err_msg: 'network_type:wifi' }
    // a client that checks the current URL grants the config to that URL only (as the mock's bridge does)
    if (configuredFor === null || (options.checks === 'current' && configuredFor !== checkedUrl()))
      return { err_msg: `${name}:permission denied` }
    switch (name) {
      case 'checkJsApi': {
        const result = { checkJsApi: true }
        return { err_msg: 'checkJsApi:ok', checkResult: options.device === 'android' ? JSON.stringify(result) : result }
      }
      case 'updateAppMessageShareData':
      case 'updateTimelineShareData':
        shares[name] = { title: params.title, desc: params.desc, link: params.link, imgUrl: params.imgUrl }
        return { err_msg: `${name}:ok` }
      case 'scanQRCode': {
        const next = scans.shift() ?? 'cancel'
        if (next === 'cancel')
          return { err_msg: 'scanQRCode:cancel' }
        const resultStr = options.device === 'ios' ? JSON.stringify({ scan_code: { scan_result: next.text } }) : next.text
        return { err_msg: 'scanQRCode:ok', resultStr }
      }
      default:
        return { err_msg: `${name}:ok` }
    }
  }

  const bridge = {
    invoke: (name: string, params: Record<string, unknown>, callback?: (res: Record<string, unknown>) => void) => {
      calls.push({ name, params: { ...params } })
      if (silent)
        return
      answering = answering.then(() => new Promise<void>((resolve) => {
        setTimeout(() => {
          const res = answer(name, params)
          resolve()
          callback?.(res)
        })
      }))
    },
    on: () => {},
    call: () => {},
  }
  vi.stubGlobal('WeixinJSBridge', bridge)

  return {
    calls,
    /** The configs the page made, as the URLs their signatures were made for. */
    configs: () => calls.filter(call => call.name === 'preVerifyJSAPI').map(call => String(call.params.verifySignature).replace(/^sig:/, '')),
    shares,
    /** What the next scan returns (a text, or the user closing the scanner). */
    queueScan: (next: { text: string } | 'cancel') => scans.push(next),
    setSilent: (value: boolean) => {
      silent = value
    },
    /** Every call made so far has been answered. */
    settled: () => answering,
  }
}

export type FakeBridge = ReturnType<typeof installFakeBridge>

/** Pretends to be this browser; the SDK reads it when it is evaluated, so set it before importing. */
export function setUserAgent(userAgent: string): void {
  vi.spyOn(navigator, 'userAgent', 'get').mockReturnValue(userAgent)
}
