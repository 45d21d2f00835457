// The mock WeChat's in-page client: the part of the phone that lives in the shop's page. The shop's
// page loads it with a classic <script src="{mock}/bridge.js">, from the mock's origin, in <head>.
// routes/bridge/script.ts serves it inside one function, after `const CLIENT = "ios-wechat"`
// ('android-wechat', 'not-wechat': decided from the user agent on the server) and overlays.js.
//
// 1. Who the user is. The real client knows who is signed in; the mock learns it from its own
//    authorize page, whose cookie is a third-party cookie in the shop's page (Chromium does not send
//    it there). So the client keeps a device id in the shop's storage and, on a page that authorize
//    sent back with a code, tells the mock "this device carries that code".
// 2. window.WeixinJSBridge, inside WeChat only, so the official JS-SDK (weixin-js-sdk) runs on it
//    unmodified: invoke / on / call, defined after the page's scripts have run and announced by a
//    WeixinJSBridgeReady event on document, as the real client does. Invokes are answered strictly
//    in call order: a call made while a wx.config (preVerifyJSAPI) is being checked is answered
//    after that check, by its outcome.
// 3. WeChat's own screens for the pay and address APIs: getBrandWCPayRequest (wx.chooseWXPay) asks
//    the mock to check the payment (WECHAT-PAY.md §D) and shows its alert or the 微信支付 sheet;
//    editAddress (wx.openAddress) shows the user's address book (sheets.js).
//
// `window.__mockWechat` is the mock's own: real WeChat offers pages nothing like it, so the shop
// must never read it (tests and people in the console may).

/* global CLIENT, createOverlays, createSheets */

const IOS = 'ios-wechat'
const ANDROID = 'android-wechat'

/** localStorage keys, in the shop's storage (the page's origin). */
const DEVICE_KEY = 'mockwx:device'
const IOS_CLIENT_KEY = 'mockwx:ios-client'
const RECENT_SCANS_KEY = 'mockwx:recent-scans'

/** How iOS checks wx.config: the landing URL (the classic rule), or the current one like newer clients. */
const IosClient = { LandingUrl: 'landing-url', CurrentUrl: 'current-url' }

/**
 * What a page may invoke without wx.config: the payment, which pages called through WeixinJSBridge
 * long before the JS-SDK existed; WeChat guards it with the pay directory instead (on the server).
 */
const NO_CONFIG = new Set(['getBrandWCPayRequest'])

function withoutFragment(url) {
  const at = url.indexOf('#')
  return at === -1 ? url : url.slice(0, at)
}

function has(object, key) {
  return Object.prototype.hasOwnProperty.call(object, key)
}

function readStorage(key) {
  try {
    return localStorage.getItem(key)
  } catch {
    return null
  }
}

function writeStorage(key, value) {
  try {
    if (value === null)
      localStorage.removeItem(key)
    else
      localStorage.setItem(key, value)
  } catch {
    // storage off (private mode): the setting lasts for this page only
  }
}

// eslint-disable-next-line @typescript-eslint/no-unused-vars -- called by the wrapper (routes/bridge/script.ts)
function startBridge() {
  const script = document.currentScript
  if (!(script instanceof HTMLScriptElement) || !script.src)
    throw new Error('mock WeChat: load bridge.js with a classic <script src>, not as a module')
  const mockOrigin = new URL(script.src).origin

  // Read at once, while the script runs in <head>: the page's app removes code and state from its
  // address as soon as it starts, and iOS WeChat checks wx.config against this first URL, code and all.
  const landingUrl = withoutFragment(location.href)
  const code = new URLSearchParams(location.search).get('code')

  let memoryDevice
  let memoryIosClient

  function newDeviceId() {
    // getRandomValues, unlike randomUUID, also works on plain-http pages that are not localhost
    return Array.from(crypto.getRandomValues(new Uint8Array(16)), byte => byte.toString(16).padStart(2, '0')).join('')
  }

  /** This browser's device id, kept in the shop's storage; a per-page one when storage is off. */
  function deviceId() {
    let id = readStorage(DEVICE_KEY)
    if (!id || !/^[0-9a-f]{32}$/.test(id)) {
      id = memoryDevice || newDeviceId()
      memoryDevice = id
      writeStorage(DEVICE_KEY, id)
    }
    return id
  }

  /** POSTs JSON to the mock's /__bridge/* and reads the JSON answer. */
  async function ask(path, body) {
    return answerOf(path, await fetch(`${mockOrigin}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    }))
  }

  /** GETs the mock's /__bridge/* with a query, and reads the JSON answer. */
  async function read(path, query) {
    return answerOf(path, await fetch(`${mockOrigin}${path}?${new URLSearchParams(query)}`))
  }

  async function answerOf(path, response) {
    if (!response.ok)
      throw new Error(`mock WeChat: ${path} answered ${response.status}: ${await response.text()}`)
    return response.json()
  }

  let session
  /** Asks the mock once per page who this device's user is, linking the page's code first. */
  function currentSession() {
    if (!session) {
      session = ask('/__bridge/session', code ? { device: deviceId(), code } : { device: deviceId() }).catch((error) => {
        session = undefined // the next question tries again
        throw error
      })
    }
    return session
  }

  // A page back from authorize links at once, before anyone asks: the next page has no code.
  if (code)
    currentSession().catch(error => console.warn(error))

  function iosClient() {
    return (memoryIosClient || readStorage(IOS_CLIENT_KEY)) === IosClient.CurrentUrl ? IosClient.CurrentUrl : IosClient.LandingUrl
  }

  function setIosClient(mode) {
    if (mode !== IosClient.LandingUrl && mode !== IosClient.CurrentUrl)
      throw new Error(`mock WeChat: setIosClient takes '${IosClient.LandingUrl}' or '${IosClient.CurrentUrl}'`)
    memoryIosClient = mode
    writeStorage(IOS_CLIENT_KEY, mode === IosClient.CurrentUrl ? mode : null)
  }

  /** The URL this client checks a wx.config against: iOS the landing URL (unless new-iOS mode), Android the current one. */
  function checkedUrl() {
    return CLIENT === IOS && iosClient() === IosClient.LandingUrl ? landingUrl : withoutFragment(location.href)
  }

  const overlays = createOverlays()
  const sheets = createSheets()
  const menu = { hidden: new Set(), nonBaseHidden: false, optionMenuHidden: false }
  let closed = false

  function recentScans() {
    try {
      const list = JSON.parse(readStorage(RECENT_SCANS_KEY) || '[]')
      return Array.isArray(list) ? list.filter(item => typeof item === 'string').slice(0, 5) : []
    } catch {
      return []
    }
  }

  function rememberScan(text) {
    writeStorage(RECENT_SCANS_KEY, JSON.stringify([text, ...recentScans().filter(item => item !== text)].slice(0, 5)))
  }

  Object.defineProperty(window, '__mockWechat', {
    value: Object.freeze({
      origin: mockOrigin,
      /** Which phone this page plays: 'ios-wechat', 'android-wechat' or 'not-wechat' (from the user agent). */
      client: CLIENT,
      /** The URL the page was first loaded with, without #fragment: what iOS checks wx.config against. */
      landingUrl,
      /** The WeChat user this browser plays ({ openid, nickname, headimgurl }), or null before its first sign-in. */
      currentUser: () => currentSession().then(answer => answer.user),
      /** How iOS checks wx.config in this browser: 'landing-url' (default) or 'current-url' (newer clients, with realAuthUrl). */
      iosClient,
      setIosClient,
      /** The share-menu items hidden with hideMenuItems, and whether hideAllNonBaseMenuItem is on. */
      menu: () => ({ hidden: [...menu.hidden], nonBaseHidden: menu.nonBaseHidden, optionMenuHidden: menu.optionMenuHidden }),
      /** Whether the page called closeWindow. */
      closed: () => closed,
      recentScans,
    }),
  })

  if (CLIENT !== IOS && CLIENT !== ANDROID)
    return // outside WeChat, as in a desktop browser: no WeixinJSBridge

  /**
   * The page's JS-SDK permission: null until a wx.config succeeds, then the verified jsApiList and
   * the URL it was checked against. A client that checks the current URL (Android, new-iOS mode)
   * grants it to that URL only: after pushState to another URL the page must run wx.config again,
   * which is why SPAs re-sign on every route change there. iOS's classic client checked the landing
   * URL once, and its permission lasts the whole document.
   */
  let verified = null

  function checksCurrentUrl() {
    return CLIENT === ANDROID || iosClient() === IosClient.CurrentUrl
  }

  function permitted() {
    if (verified === null)
      return null
    if (checksCurrentUrl() && verified.url !== withoutFragment(location.href))
      return null
    return verified.apis
  }

  const handlers = {
    async preVerifyJSAPI(params) {
      // a new wx.config replaces the page's permission, whatever its outcome, even an unanswered one
      verified = null
      const url = checkedUrl()
      const { errMsg } = await ask('/__bridge/verify', {
        appId: params.verifyAppId,
        timestamp: params.verifyTimestamp,
        nonceStr: params.verifyNonceStr,
        signature: params.verifySignature,
        jsApiList: Array.isArray(params.verifyJsApiList) ? params.verifyJsApiList.map(String) : [],
        url,
      })
      verified = errMsg === 'config:ok' ? { apis: new Set(params.verifyJsApiList), url } : null
      const answer = { err_msg: errMsg }
      if (errMsg === 'config:invalid signature' && CLIENT === IOS && iosClient() === IosClient.CurrentUrl)
        answer.realAuthUrl = url
      return answer
    },
    checkJsApi(params) {
      const result = {}
      for (const name of Array.isArray(params.jsApiList) ? params.jsApiList : [])
        result[name] = has(handlers, name)
      // the JS-SDK JSON-parses it on Android, and takes the object on iOS
      return { err_msg: 'checkJsApi:ok', checkResult: CLIENT === ANDROID ? JSON.stringify(result) : result }
    },
    updateAppMessageShareData: params => share('updateAppMessageShareData', { title: params.title, desc: params.desc, link: params.link, imgUrl: params.imgUrl }),
    updateTimelineShareData: params => share('updateTimelineShareData', { title: params.title, link: params.link, imgUrl: params.imgUrl }),
    scanQRCode: scan,
    getNetworkType: () => ({ err_msg: 'network_type:wifi' }),
    closeWindow() {
      closed = true
      overlays.notice('页面已关闭')
      return { err_msg: 'closeWindow:ok' }
    },
    hideMenuItems(params) {
      for (const item of menuList(params))
        menu.hidden.add(item)
      return { err_msg: 'hideMenuItems:ok' }
    },
    showMenuItems(params) {
      for (const item of menuList(params))
        menu.hidden.delete(item)
      return { err_msg: 'showMenuItems:ok' }
    },
    hideAllNonBaseMenuItem() {
      menu.nonBaseHidden = true
      return { err_msg: 'hideAllNonBaseMenuItem:ok' }
    },
    showAllNonBaseMenuItem() {
      menu.nonBaseHidden = false
      return { err_msg: 'showAllNonBaseMenuItem:ok' }
    },
    hideOptionMenu() {
      menu.optionMenuHidden = true
      return { err_msg: 'hideOptionMenu:ok' }
    },
    showOptionMenu() {
      menu.optionMenuHidden = false
      return { err_msg: 'showOptionMenu:ok' }
    },
    getBrandWCPayRequest: pay,
    editAddress: chooseAddress,
  }

  // What WeixinJSBridge.call (no callback, no wx.config) still does: the old base functions.
  const BASE_CALLS = new Set(['closeWindow', 'hideOptionMenu', 'showOptionMenu'])

  function menuList(params) {
    return Array.isArray(params.menuList) ? params.menuList.filter(item => typeof item === 'string') : []
  }

  async function share(api, data) {
    return ask('/__bridge/share', { api, ...data, pageUrl: location.href, client: CLIENT }).then(answer => ({ err_msg: answer.errMsg }))
  }

  async function scan(params) {
    const queued = await ask('/__bridge/scan', {})
    const text = queued.text !== null ? queued.text : await overlays.scanner(recentScans())
    if (text === null)
      return { err_msg: 'scanQRCode:cancel' }
    rememberScan(text)
    if (Number(params.needResult) !== 1) {
      // WeChat handles the result itself: it opens a link, and shows any other text
      if (/^https?:\/\//i.test(text))
        setTimeout(() => location.assign(text))
      else
        overlays.notice(text, { dismissable: true })
      return { err_msg: 'scanQRCode:ok' }
    }
    // iOS hands the JS-SDK JSON, which it parses; Android the plain text
    const resultStr = CLIENT === IOS ? JSON.stringify({ scan_code: { scan_type: 'qrcode', scan_result: text } }) : text
    return { err_msg: 'scanQRCode:ok', resultStr }
  }

  /**
   * getBrandWCPayRequest: the mock checks the page's URL (the one this client checks, as for
   * wx.config) and the six parameters, passed on untouched (the JS-SDK's wx.chooseWXPay has already
   * renamed timestamp to timeStamp and added appId from wx.config). A refusal shows WeChat's alert
   * when it has one, then answers; a payment it lets through shows the 微信支付 sheet.
   */
  async function pay(params) {
    let verdict
    try {
      verdict = await ask('/__bridge/pay', { device: deviceId(), client: CLIENT === IOS ? 'ios' : 'android', pageUrl: checkedUrl(), params })
    } catch (error) {
      console.warn(error)
      await sheets.alert('网络连接失败，请稍后再试')
      return { err_msg: 'get_brand_wcpay_request:fail' }
    }
    if (!verdict.ok) {
      if (verdict.dialog)
        await sheets.alert(verdict.dialog)
      return { err_msg: verdict.errMsg }
    }
    const { ticket } = verdict.sheet
    const errMsg = await sheets.paySheet(verdict.sheet, action => ask('/__bridge/pay/complete', { ticket, action }).then(answer => answer.errMsg))
    return { err_msg: errMsg }
  }

  /**
   * editAddress (wx.openAddress): the user's address book in WeChat's picker. The answer carries the
   * client's own field names, which the JS-SDK renames (addressPostalCode → postalCode, …); a page
   * that invokes the bridge itself reads them as they are.
   */
  async function chooseAddress() {
    const { addresses } = await read('/__bridge/addresses', { device: deviceId() })
    const address = await sheets.addressPicker(addresses)
    if (address === null)
      return { err_msg: 'edit_address:cancel' }
    return {
      err_msg: 'edit_address:ok',
      userName: address.userName,
      telNumber: address.telNumber,
      addressPostalCode: address.postalCode,
      // sic: the client's spelling, which the JS-SDK reads
      proviceFirstStageName: address.provinceName,
      addressCitySecondStageName: address.cityName,
      addressCountiesThirdStageName: address.countryName,
      addressDetailInfo: address.detailInfo,
      nationalCode: address.nationalCode,
    }
  }

  /** The client's answer to one invoke, by WeChat's rules. */
  async function answer(name, params, base) {
    if (name === 'preVerifyJSAPI')
      return handlers.preVerifyJSAPI(params)
    // an unknown name is a function this client does not have (the JS-SDK reads
    // `function_not_exist` as `<api>:function not exist`, and as ok for config)
    if (!has(handlers, name))
      return { err_msg: 'system:function_not_exist' }
    if (NO_CONFIG.has(name) || base)
      return handlers[name](params)
    const apis = permitted()
    if (apis === null)
      return { err_msg: `${name}:access denied` }
    if (name !== 'checkJsApi' && !apis.has(name))
      return { err_msg: `${name}:fail, the permission value is offline verifying` }
    return handlers[name](params)
  }

  // One queue: each invoke is answered after every earlier one, so a call made while a wx.config is
  // checked sees that check's outcome.
  let queue = Promise.resolve()

  function enqueue(name, params, callback, base) {
    const args = params && typeof params === 'object' ? params : {}
    queue = queue
      .then(() => answer(String(name), args, base))
      .catch(error => ({ err_msg: `${name}:fail, ${error instanceof Error ? error.message : String(error)}` }))
      .then((result) => {
        if (typeof callback !== 'function')
          return
        try {
          callback(result)
        } catch (error) {
          // the page's own error: report it as uncaught, and keep answering later calls
          setTimeout(() => {
            throw error
          })
        }
      })
  }

  const listeners = new Map()

  const WeixinJSBridge = Object.freeze({
    invoke: (name, params, callback) => enqueue(name, params, callback, false),
    /** Events the client raises (menu:share:*, the legacy share menu): kept, never raised by the mock. */
    on(event, handler) {
      if (typeof handler === 'function')
        listeners.set(String(event), [...(listeners.get(String(event)) || []), handler])
    },
    call(name) {
      if (BASE_CALLS.has(name))
        enqueue(name, {}, undefined, true)
    },
  })

  // The real client injects its bridge once the page has loaded its scripts, then fires the event
  // the JS-SDK waits for; a page must not find it at the moment its first script runs.
  function announce() {
    Object.defineProperty(window, 'WeixinJSBridge', { value: WeixinJSBridge, enumerable: true })
    document.dispatchEvent(new Event('WeixinJSBridgeReady'))
  }
  if (document.readyState === 'loading')
    document.addEventListener('DOMContentLoaded', () => setTimeout(announce), { once: true })
  else
    setTimeout(announce)
}
