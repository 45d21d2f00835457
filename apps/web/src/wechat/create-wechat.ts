import { type Address, type JssdkConfig, WechatClient, wechatClientOf } from '@wxshop/shared'
import { addressFromWx } from './address'
import { bridgeReady } from './bridge-ready'
import { call } from './call'
import { configErrorsOf, type ConfigErrors, configureOnce } from './configure'
import { WechatApiError, WechatConfigError, WechatError, WechatUnavailableError } from './errors'
import type { Wx, WxShareData } from './sdk'
import { otherRule, type SignRule, urlToSign, withoutFragment } from './url-to-sign'

export interface WechatDeps {
  userAgent: string
  /** The URL the page was first loaded with (landing-url.ts). */
  landingUrl: () => string
  /** The address bar now. */
  currentUrl: () => string
  /** GET /api/jssdk/config?url= */
  fetchConfig: (url: string) => Promise<JssdkConfig>
  loadSdk: () => Promise<Wx>
  /** Where a failed config is reported: the page carries on without sharing and scanning. */
  warn?: (message: string, error: unknown) => void
  /** How long one config may go unanswered (configure.ts). */
  configTimeoutMs?: number
  /** How long to wait for the client's WeixinJSBridge (bridge-ready.ts). */
  bridgeTimeoutMs?: number
}

export type Wechat = ReturnType<typeof createWechat>

/**
 * The page's one JS-SDK session: wx.config signed for the URL the client checks, at most once per
 * such URL, and `ready()` / `share()` / `scan()` on top. Outside WeChat nothing loads and every
 * call rejects with WechatUnavailableError.
 */
export function createWechat(deps: WechatDeps) {
  const client = wechatClientOf(deps.userAgent)
  const warn = deps.warn ?? ((message, error) => console.warn(`[wechat] ${message}`, error))
  /** Which URL this client checks; flipped once a config holds only with the other one. */
  let rule: SignRule = client === WechatClient.Ios ? 'landing' : 'current'
  let sdk: Promise<{ wx: Wx, errors: ConfigErrors }> | null = null
  /** The URL-to-sign the newest config was asked for, and that config. */
  let signedFor: string | null = null
  let latest: Promise<void> | null = null
  /** Configs run one after another: the client answers in order, and so must our outcomes. */
  let queue: Promise<unknown> = Promise.resolve()
  let latestShare: WxShareData | null = null

  function loaded() {
    sdk ??= deps.loadSdk().then(async (wx) => {
      // Before the first config: a failure with no handler yet would be lost to the next one.
      const errors = configErrorsOf(wx)
      await bridgeReady(deps.bridgeTimeoutMs)
      return { wx, errors }
    }).catch((error: unknown) => {
      sdk = null
      throw error instanceof WechatError ? error : new WechatUnavailableError(`JS-SDK did not load: ${String(error)}`)
    })
    return sdk
  }

  /** One config for `url`: the API signs it, the client checks it. */
  async function configureFor(url: string): Promise<void> {
    const [config, { wx, errors }] = await Promise.all([
      deps.fetchConfig(url).catch((error: unknown) => {
        throw new WechatConfigError(errorCode(error))
      }),
      loaded(),
    ])
    await configureOnce(wx, errors, config, deps.configTimeoutMs)
  }

  /**
   * Configures for the URL `rule` names. On `invalid signature` it re-signs once, with the URL the
   * client says it checked (`realAuthUrl`) or else the other rule's URL, and keeps the rule that
   * held. Never more than two configs for one URL-to-sign: no loop, whatever the client says.
   */
  async function configure(url: string): Promise<void> {
    try {
      await configureFor(url)
      return
    } catch (error) {
      if (!(error instanceof WechatConfigError) || !error.invalidSignature)
        throw error
      const current = withoutFragment(deps.currentUrl())
      const landing = withoutFragment(deps.landingUrl())
      const retry = error.realAuthUrl ? withoutFragment(error.realAuthUrl) : urlToSign(otherRule(rule), landing, current)
      if (retry === url)
        throw error
      await configureFor(retry)
      // The client checks the other URL: sign that one from now on (iOS: one config per page stays true
      // for the landing rule; the current rule re-signs when the address changes, as on Android).
      if (retry === current && rule === 'landing' && url !== current)
        rule = 'current'
      else if (retry === landing && rule === 'current' && url !== landing)
        rule = 'landing'
      signedFor = urlToSign(rule, landing, current)
    }
  }

  /**
   * Makes sure a config for the URL the client checks now is made or on its way; the router calls
   * it after each route change. Nothing happens when that URL did not change (iOS: never after the
   * first time; Android: not for a hash or a replaced query that leaves the URL alike).
   */
  function sync(): Promise<void> {
    if (client === WechatClient.None)
      return Promise.reject(new WechatUnavailableError())
    const url = urlToSign(rule, deps.landingUrl(), deps.currentUrl())
    if (url === signedFor && latest)
      return latest
    signedFor = url
    // A config asked for while another runs waits its turn, and is skipped if a newer one was asked for meanwhile.
    const job = queue.then(() => (signedFor === url ? configure(url) : undefined))
    queue = job.catch(() => {})
    job.catch(error => warn('wx.config failed: sharing and scanning are off for this page', error))
    latest = job
    return job
  }

  /** Resolves when the newest config holds; rejects with its typed error when it does not. */
  async function ready(): Promise<void> {
    let waited = sync()
    await waited
    // a newer config was asked for while we waited: its outcome is the one that counts
    while (latest && waited !== latest) {
      waited = latest
      await waited
    }
  }

  /**
   * Runs one API call after the newest config. A newer iOS client that checks the current URL passes
   * the first config when the page has not moved yet (no ?code to strip), then denies the first call
   * after a route change: that denial switches to the current-URL rule, signs it, and tries once more.
   */
  async function afterConfig<T>(run: (wx: Wx) => Promise<T>): Promise<T> {
    await ready()
    try {
      return await run((await loaded()).wx)
    } catch (error) {
      const moved = withoutFragment(deps.landingUrl()) !== withoutFragment(deps.currentUrl())
      if (!(error instanceof WechatApiError) || !error.permissionDenied || rule !== 'landing' || !moved)
        throw error
      rule = 'current'
      await ready()
      return run((await loaded()).wx)
    }
  }

  /** What the share buttons of WeChat's menu send, to a chat and to Moments. The newest call wins. */
  async function share(data: WxShareData): Promise<void> {
    latestShare = data
    await ready()
    if (latestShare !== data)
      return
    await afterConfig(wx => Promise.all([
      call('updateAppMessageShareData', wx.updateAppMessageShareData, { ...data }),
      call('updateTimelineShareData', wx.updateTimelineShareData, { title: data.title, link: data.link, imgUrl: data.imgUrl }),
    ]))
  }

  /** Opens WeChat's scanner; resolves the scanned text (a QR code's text, a barcode as `CODE_128,123`). */
  async function scan(): Promise<string> {
    const res = await afterConfig(wx => call('scanQRCode', wx.scanQRCode, { needResult: 1, scanType: ['qrCode', 'barCode'] }))
    return typeof res.resultStr === 'string' ? res.resultStr : ''
  }

  /** Opens WeChat's address book; resolves the chosen address, rejects WechatCancelledError on cancel. */
  async function openAddress(): Promise<Address> {
    return addressFromWx(await afterConfig(wx => call('openAddress', wx.openAddress, {})))
  }

  return { client, sync, ready, share, scan, openAddress }
}

function errorCode(error: unknown): string {
  return typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : String(error)
}
