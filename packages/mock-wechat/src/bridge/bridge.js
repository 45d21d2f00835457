// The mock WeChat's in-page client: the part of the phone that lives in the shop's page. The shop's
// page loads it with a classic <script src="{mock}/bridge.js">, from the mock's origin.
//
// What it does today: it knows which WeChat user this browser plays. The real client knows who is
// signed in; the mock learns it from its own authorize page, whose cookie is a third-party cookie
// in the shop's page (Chromium does not send it there). So the client keeps a device id in the
// shop's storage and, on a page that authorize sent back with a code, tells the mock "this device
// carries that code"; the mock links the device to the code's user.
//
// It does not define window.WeixinJSBridge yet: without it, the JS-SDK behaves as outside WeChat.
// `window.__mockWechat` is the mock's own: real WeChat offers pages nothing like it, so the shop
// must never read it (tests and people in the console may).
(function () {
  'use strict'
  if ('__mockWechat' in window)
    return // loaded twice: the first copy serves

  const script = document.currentScript
  if (!(script instanceof HTMLScriptElement) || !script.src)
    throw new Error('mock WeChat: load bridge.js with a classic <script src>, not as a module')
  const mockOrigin = new URL(script.src).origin

  // Read at once: the page removes code and state from its address as soon as its app starts.
  const code = new URLSearchParams(location.search).get('code')

  const DEVICE_KEY = 'mockwx:device'
  let memoryDevice

  function newDeviceId() {
    // getRandomValues, unlike randomUUID, also works on plain-http pages that are not localhost
    return Array.from(crypto.getRandomValues(new Uint8Array(16)), byte => byte.toString(16).padStart(2, '0')).join('')
  }

  /** This browser's device id, kept in the shop's storage; a per-page one when storage is off. */
  function deviceId() {
    try {
      let id = localStorage.getItem(DEVICE_KEY)
      if (!id || !/^[0-9a-f]{32}$/.test(id)) {
        id = newDeviceId()
        localStorage.setItem(DEVICE_KEY, id)
      }
      return id
    } catch {
      memoryDevice = memoryDevice || newDeviceId()
      return memoryDevice
    }
  }

  let session
  /** Asks the mock once per page who this device's user is, linking the page's code first. */
  function currentSession() {
    if (!session) {
      session = fetch(`${mockOrigin}/__bridge/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(code ? { device: deviceId(), code } : { device: deviceId() }),
      }).then(async (response) => {
        if (!response.ok)
          throw new Error(`mock WeChat: /__bridge/session answered ${response.status}: ${await response.text()}`)
        return response.json()
      }).catch((error) => {
        session = undefined // the next question tries again
        throw error
      })
    }
    return session
  }

  // A page back from authorize links at once, before anyone asks: the next page has no code.
  if (code)
    currentSession().catch(error => console.warn(error))

  Object.defineProperty(window, '__mockWechat', {
    value: Object.freeze({
      origin: mockOrigin,
      /** The WeChat user this browser plays ({ openid, nickname, headimgurl }), or null before its first sign-in. */
      currentUser: () => currentSession().then(answer => answer.user),
    }),
  })
})()
