import type { Page } from '@playwright/test'
import { wechatClientOf } from '@wxshop/shared'
import { expect, test } from '../support/fixtures'
import { actAs, mockWechat, newOpenid } from '../support/mock-wechat'
import { configure, jsapiTicket, MOCK_APPID, openSdkPage, pageUrl, sdk, type SdkShop, signedConfig, startSdkShop } from '../support/sdk-shop'
import { MOCK_URL } from '../support/servers'

// The mock WeChat as real Chromium meets it from a page on the shop's host (localhost), which is
// another site than the mock (127.0.0.1): there the mock's cookie is a third-party cookie that
// Chromium does not send, and the control API must not obey the page. A bare page stands in for the
// shop (support/sdk-shop.ts): `/sdk/…` pages also load the official JS-SDK under the shop's own
// Content-Security-Policy, with a style sheet that tries to hide and restyle everything.

interface BridgeUser { openid: string, nickname: string }

let shop: SdkShop
let shopUrl: string
/** The same tiny shop on another host name: not the JS safe domain. */
let foreignUrl: string

test.beforeAll(async () => {
  shop = await startSdkShop()
  shopUrl = shop.url
  foreignUrl = shop.foreignUrl
})

test.afterAll(async () => {
  await shop.close()
})

async function mockUsers(): Promise<string[]> {
  const answer = await (await fetch(`${MOCK_URL}/__control/users`)).json() as { users: { openid: string }[] }
  return answer.users.map(user => user.openid)
}

function currentUser(page: Page): Promise<BridgeUser | null> {
  return page.evaluate(() => (window as unknown as { __mockWechat: { currentUser: () => Promise<BridgeUser | null> } }).__mockWechat.currentUser())
}

test('should tell the shop\'s page who the WeChat user is once this browser has signed in, on every later page', async ({ page, context, browser }, info) => {
  test.skip(info.project.name !== 'wechat-android', 'the in-page client does not depend on the device profile')
  const openid = newOpenid()
  await mockWechat.putUser(openid, { nickname: '桥上的人' })
  await actAs(context, openid)

  // a page on the shop's host before any sign-in: the phone's user is not known yet
  await page.goto(`${shopUrl}/`)
  expect(await currentUser(page)).toBeNull()

  // sign in through the mock's authorize page and land back on the shop with a code
  const callback = `${shopUrl}/callback`
  await page.goto(`${MOCK_URL}/connect/oauth2/authorize?appid=${MOCK_APPID}&redirect_uri=${encodeURIComponent(callback)}&response_type=code&scope=snsapi_base&state=bridge#wechat_redirect`)
  await expect(page).toHaveURL(/\/callback\?code=\w+&state=bridge/)
  expect(await currentUser(page)).toMatchObject({ openid, nickname: '桥上的人' })

  // a later page carries no code: the browser is still that user
  await page.goto(`${shopUrl}/product/1`)
  expect(await currentUser(page)).toMatchObject({ openid })

  // another browser is another phone
  const stranger = await browser.newContext()
  const strangerPage = await stranger.newPage()
  await strangerPage.goto(`${shopUrl}/product/1`)
  expect(await currentUser(strangerPage)).toBeNull()
  await stranger.close()
})

test('should not let a page on another site reset the mock, by form or by fetch', async ({ page }, info) => {
  test.skip(info.project.name !== 'wechat-android', 'the control API does not depend on the device profile')
  const openid = newOpenid()
  await mockWechat.putUser(openid, { nickname: '还在' })
  await page.goto(`${shopUrl}/`)

  // a no-cors fetch: the page cannot read the answer, but the request would still act
  await page.evaluate(async (url) => {
    await fetch(url, { method: 'POST', mode: 'no-cors', headers: { 'content-type': 'text/plain' }, body: '{}' })
  }, `${MOCK_URL}/__control/reset`)
  expect(await mockUsers()).toContain(openid)

  // a form: the browser navigates to the mock's refusal
  await page.evaluate((url) => {
    const form = document.createElement('form')
    form.method = 'post'
    form.action = url
    document.body.append(form)
    form.submit()
  }, `${MOCK_URL}/__control/reset`)
  await expect(page.getByText('FORBIDDEN')).toBeVisible()
  expect(await mockUsers()).toContain(openid)
})

// ---- the JS-SDK on the mock's WeixinJSBridge ----

const ALL_APIS = ['updateAppMessageShareData', 'updateTimelineShareData', 'scanQRCode', 'getNetworkType', 'closeWindow', 'hideMenuItems']

test.describe('the official JS-SDK on the mock\'s WeixinJSBridge', () => {
  test.beforeEach(({ page: _page }, info) => {
    test.skip(info.project.name === 'browser', 'outside WeChat there is no WeixinJSBridge (its own test below)')
  })

  test('should pass wx.config signed over the page\'s URL, query and all, and answer checkJsApi in the client\'s form', async ({ page }) => {
    await openSdkPage(page, `${shopUrl}/sdk/home?code=abc&state=s1#/top`)
    // like the real client, the bridge arrives after the page's scripts have run, with WeixinJSBridgeReady
    expect(await page.evaluate(() => (window as unknown as { bridgeAtFirstScript: boolean }).bridgeAtFirstScript)).toBe(false)
    const outcome = await configure(page, signedConfig(await jsapiTicket(), pageUrl(page), ALL_APIS))
    expect(outcome.failure).toBeNull()
    expect(outcome.check.errMsg).toBe('checkJsApi:ok')
    // Android hands checkResult over as JSON text, iOS as an object: the JS-SDK reads each its way
    const check = await sdk(page, 'checkJsApi', { jsApiList: ['scanQRCode', 'openAddress', 'chooseImage'] })
    expect(check.checkResult).toEqual({ scanQRCode: true, openAddress: true, chooseImage: false })
  })

  test('should fail wx.config with invalid signature when the signature is wrong, and then deny every API', async ({ page }) => {
    await openSdkPage(page, `${shopUrl}/sdk/home`)
    const config = signedConfig(await jsapiTicket(), pageUrl(page), ALL_APIS)
    const outcome = await configure(page, { ...config, signature: config.signature.replace(/^./, c => (c === '0' ? '1' : '0')) })
    expect(outcome.failure?.errMsg).toBe('config:invalid signature')
    // answered after the config, by its outcome: the page knows the config failed
    expect(outcome.check.errMsg).toBe('checkJsApi:permission denied')
  })

  test('should take the permission away when a later wx.config cannot be checked', async ({ page }) => {
    await openSdkPage(page, `${shopUrl}/sdk/home`)
    const config = signedConfig(await jsapiTicket(), pageUrl(page), ALL_APIS)
    expect((await configure(page, config)).failure).toBeNull()
    // the client loses its way to WeChat during the next check
    await page.route(`${MOCK_URL}/__bridge/verify`, route => route.abort())
    const outcome = await configure(page, config)
    expect(outcome.failure?.errMsg).toMatch(/^config:fail/)
    expect(outcome.check.errMsg).toBe('checkJsApi:permission denied')
  })

  test('should fail wx.config with invalid url domain on a host that is not the JS safe domain', async ({ page }) => {
    await openSdkPage(page, `${foreignUrl}/sdk/home`)
    const outcome = await configure(page, signedConfig(await jsapiTicket(), pageUrl(page), ALL_APIS))
    expect(outcome.failure?.errMsg).toBe('config:invalid url domain')
  })

  test('should check the landing URL on iOS and the current URL on Android after pushState', async ({ page }, info) => {
    const landing = `${shopUrl}/sdk/landing?code=abc&state=s2`
    await openSdkPage(page, landing)
    // the SPA strips code and state, then navigates in the page
    await page.evaluate(() => history.replaceState(null, '', '/sdk/landing'))
    await page.evaluate(() => history.pushState(null, '', '/sdk/product/7'))
    const ticket = await jsapiTicket()
    const current = await configure(page, signedConfig(ticket, pageUrl(page), ALL_APIS))
    const first = await configure(page, signedConfig(ticket, landing, ALL_APIS))
    if (info.project.name === 'wechat-ios') {
      expect(current.failure?.errMsg).toBe('config:invalid signature')
      expect(current.failure).not.toHaveProperty('realAuthUrl')
      expect(first.failure).toBeNull()
    } else {
      expect(current.failure).toBeNull()
      expect(first.failure?.errMsg).toBe('config:invalid signature')
    }
  })

  test('should keep a config for the whole page on iOS, and only for its URL on Android until the page signs the new one', async ({ page }, info) => {
    await openSdkPage(page, `${shopUrl}/sdk/home`)
    const ticket = await jsapiTicket()
    expect((await configure(page, signedConfig(ticket, pageUrl(page), ALL_APIS))).failure).toBeNull()
    await page.evaluate(() => history.pushState(null, '', '/sdk/product/7'))
    const afterMove = await sdk(page, 'hideMenuItems', { menuList: ['menuItem:copyUrl'] })
    if (info.project.name === 'wechat-ios') {
      expect(afterMove.errMsg).toBe('hideMenuItems:ok')
    } else {
      expect(afterMove.errMsg).toBe('hideMenuItems:permission denied')
      expect((await configure(page, signedConfig(ticket, pageUrl(page), ALL_APIS))).failure).toBeNull()
      expect((await sdk(page, 'hideMenuItems', { menuList: ['menuItem:copyUrl'] })).errMsg).toBe('hideMenuItems:ok')
    }
    // a #fragment is not part of the URL the client checks
    await page.evaluate(() => history.pushState(null, '', '#/reviews'))
    expect((await sdk(page, 'hideMenuItems', { menuList: ['menuItem:copyUrl'] })).errMsg).toBe('hideMenuItems:ok')
  })

  test('should check the current URL on iOS in new-iOS mode and name it in realAuthUrl', async ({ page }, info) => {
    test.skip(info.project.name !== 'wechat-ios', 'an iOS setting')
    const landing = `${shopUrl}/sdk/landing?code=abc&state=s3`
    await openSdkPage(page, landing)
    await page.evaluate(() => (window as unknown as { __mockWechat: { setIosClient: (mode: string) => void } }).__mockWechat.setIosClient('current-url'))
    // a per-browser setting: it holds on the next page load
    await openSdkPage(page, landing)
    await page.evaluate(() => history.pushState(null, '', '/sdk/product/7'))
    const ticket = await jsapiTicket()
    const first = await configure(page, signedConfig(ticket, landing, ALL_APIS))
    expect(first.failure?.errMsg).toBe('config:invalid signature')
    expect(first.failure?.realAuthUrl).toBe(`${shopUrl}/sdk/product/7`)
    const again = await configure(page, signedConfig(ticket, String(first.failure?.realAuthUrl), ALL_APIS))
    expect(again.failure).toBeNull()
  })

  test('should deny an API before wx.config, refuse one the config did not list, and not know one the client lacks', async ({ page }) => {
    await openSdkPage(page, `${shopUrl}/sdk/home`)
    const share = { title: '微选好物', desc: '好物', link: `${shopUrl}/`, imgUrl: `${shopUrl}/logo.png` }
    expect((await sdk(page, 'updateAppMessageShareData', share)).errMsg).toBe('updateAppMessageShareData:permission denied')
    await configure(page, signedConfig(await jsapiTicket(), pageUrl(page), ['updateTimelineShareData']))
    expect((await sdk(page, 'updateAppMessageShareData', share)).errMsg).toBe('updateAppMessageShareData:fail, the permission value is offline verifying')
    expect((await sdk(page, 'chooseImage')).errMsg).toBe('chooseImage:function not exist')
    expect((await mockShares()).length).toBe(0)
  })

  test('should record the share data the page set, and refuse a link off the JS safe domain', async ({ page }) => {
    await openSdkPage(page, `${shopUrl}/sdk/product/7?from=e2e`)
    await configure(page, signedConfig(await jsapiTicket(), pageUrl(page), ALL_APIS))
    const friends = { title: '好物 7', desc: '¥30.50', link: `${shopUrl}/product/7`, imgUrl: `${shopUrl}/images/7.png` }
    expect((await sdk(page, 'updateAppMessageShareData', friends)).errMsg).toBe('updateAppMessageShareData:ok')
    const moments = { title: '好物 7 ¥30.50', link: `${shopUrl}/product/7`, imgUrl: `${shopUrl}/images/7.png` }
    expect((await sdk(page, 'updateTimelineShareData', moments)).errMsg).toBe('updateTimelineShareData:ok')
    expect((await sdk(page, 'updateTimelineShareData', { ...moments, link: 'http://evil.example/' })).errMsg).toMatch(/^updateTimelineShareData:fail/)
    const pageAddress = `${shopUrl}/sdk/product/7?from=e2e`
    const client = wechatClientOf(await page.evaluate(() => navigator.userAgent))
    expect(await mockShares()).toMatchObject([
      { api: 'updateTimelineShareData', ...moments, pageUrl: pageAddress, client },
      { api: 'updateAppMessageShareData', ...friends, pageUrl: pageAddress, client },
    ])
  })

  test('should return the queued scan result as the page\'s resultStr', async ({ page }) => {
    await openSdkPage(page, `${shopUrl}/sdk/home`)
    await configure(page, signedConfig(await jsapiTicket(), pageUrl(page), ALL_APIS))
    await queueScan(`${shopUrl}/product/7`)
    const result = await sdk(page, 'scanQRCode', { needResult: 1, scanType: ['qrCode', 'barCode'] })
    expect(result).toMatchObject({ errMsg: 'scanQRCode:ok', resultStr: `${shopUrl}/product/7` })
    await expect(page.getByRole('dialog', { name: '扫一扫' })).toHaveCount(0)
  })

  test('should let a person type a code into the scanner overlay, cancel it, and pick a recent code', async ({ page }) => {
    await openSdkPage(page, `${shopUrl}/sdk/home`)
    await configure(page, signedConfig(await jsapiTicket(), pageUrl(page), ALL_APIS))
    const scanner = page.getByRole('dialog', { name: '扫一扫' })

    // type + 确定
    let result = sdk(page, 'scanQRCode', { needResult: 1 })
    await scanner.getByRole('textbox', { name: '输入二维码或条码内容' }).fill('EAN_13,6901234567892')
    await scanner.getByRole('button', { name: '确定' }).click()
    expect(await result).toMatchObject({ errMsg: 'scanQRCode:ok', resultStr: 'EAN_13,6901234567892' })
    await expect(scanner).toHaveCount(0)

    // 取消
    result = sdk(page, 'scanQRCode', { needResult: 1 })
    await scanner.getByRole('button', { name: '取消' }).click()
    expect((await result).errMsg).toBe('scanQRCode:cancel')

    // the code used before is offered again
    result = sdk(page, 'scanQRCode', { needResult: 1 })
    await scanner.getByRole('button', { name: 'EAN_13,6901234567892' }).click()
    expect(await result).toMatchObject({ errMsg: 'scanQRCode:ok', resultStr: 'EAN_13,6901234567892' })
  })

  test('should handle the result itself when the page asks for none: show a text, open a link', async ({ page }) => {
    await openSdkPage(page, `${shopUrl}/sdk/home`)
    await configure(page, signedConfig(await jsapiTicket(), pageUrl(page), ALL_APIS))
    await queueScan('门店 A-12')
    expect(await sdk(page, 'scanQRCode', { needResult: 0 })).not.toHaveProperty('resultStr')
    const shown = page.getByRole('dialog', { name: '门店 A-12' })
    await expect(shown).toBeVisible()
    await shown.getByRole('button', { name: '完成' }).click()
    await expect(shown).toHaveCount(0)

    await queueScan(`${shopUrl}/product/7`)
    expect((await sdk(page, 'scanQRCode', { needResult: 0 })).errMsg).toBe('scanQRCode:ok')
    await expect(page).toHaveURL(`${shopUrl}/product/7`)
  })

  test('should still close the window through WeixinJSBridge.call, which needs no config', async ({ page }) => {
    await openSdkPage(page, `${shopUrl}/sdk/home`)
    await page.evaluate(() => (window as unknown as { WeixinJSBridge: { call: (name: string) => void } }).WeixinJSBridge.call('closeWindow'))
    await expect(page.getByRole('dialog', { name: '页面已关闭' })).toBeVisible()
    expect(await page.evaluate(() => (window as unknown as { __mockWechat: { closed: () => boolean } }).__mockWechat.closed())).toBe(true)
  })

  test('should cover the page when it closes the window, and keep the hidden menu items readable', async ({ page }) => {
    await openSdkPage(page, `${shopUrl}/sdk/home`)
    await configure(page, signedConfig(await jsapiTicket(), pageUrl(page), ALL_APIS))
    expect((await sdk(page, 'hideMenuItems', { menuList: ['menuItem:share:timeline'] })).errMsg).toBe('hideMenuItems:ok')
    expect(await page.evaluate(() => (window as unknown as { __mockWechat: { menu: () => unknown } }).__mockWechat.menu())).toMatchObject({ hidden: ['menuItem:share:timeline'] })
    expect((await sdk(page, 'getNetworkType')).networkType).toBe('wifi')
    expect((await sdk(page, 'closeWindow')).errMsg).toBe('closeWindow:ok')
    await expect(page.getByRole('dialog', { name: '页面已关闭' })).toBeVisible()
  })
})

test('should define no WeixinJSBridge outside WeChat, as a plain browser has none', async ({ page }, info) => {
  test.skip(info.project.name !== 'browser', 'the plain-browser profile')
  await page.route('https://open.weixin.qq.com/**', route => route.fulfill({ status: 204 }))
  await page.goto(`${shopUrl}/sdk/home`)
  await page.waitForLoadState('load')
  // inside WeChat the client announces its bridge from a timer queued at DOMContentLoaded; timers
  // run in order, so one queued after load runs after it
  await page.evaluate(() => new Promise(resolve => setTimeout(resolve)))
  expect(await page.evaluate(() => ({
    bridge: 'WeixinJSBridge' in window,
    client: (window as unknown as { __mockWechat: { client: string } }).__mockWechat.client,
  }))).toEqual({ bridge: false, client: 'not-wechat' })
})

async function mockShares(): Promise<Array<Record<string, unknown>>> {
  return (await (await fetch(`${MOCK_URL}/__control/shares`)).json() as { shares: Array<Record<string, unknown>> }).shares
}

async function queueScan(text: string): Promise<void> {
  const response = await fetch(`${MOCK_URL}/__control/scan-result`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text }) })
  expect(response.ok).toBe(true)
}
