import { randomBytes } from 'node:crypto'
import type { BrowserContext, Page } from '@playwright/test'
import { buildV3Authorization, MOCK_MERCHANT, prepayPackage, signV3, v3PaySign, v3RequestMessage } from '@wxshop/shared/wechat-pay'
import { expect, test } from '../support/fixtures'
import { mockWechat, newOpenid, type WechatAddress } from '../support/mock-wechat'
import { configure, jsapiTicket, MOCK_APPID, openSdkPage, pageUrl, sdk, type SdkShop, signedConfig, startSdkShop } from '../support/sdk-shop'
import { BASE_URL, MOCK_URL } from '../support/servers'

// WeChat's own screens for wx.chooseWXPay / WeixinJSBridge getBrandWCPayRequest and wx.openAddress,
// as the mock's in-page client draws them, driven by the official JS-SDK on pages that stand in for
// the shop (support/sdk-shop.ts). The mock's registered pay directory is the shop's root
// (PUBLIC_URL + '/'), so the pages that pay are served at the shop's own address (BASE_URL, the
// requests answered by the tiny shop); the tiny shop's own port is outside the directory.

let shop: SdkShop

test.beforeAll(async () => {
  shop = await startSdkShop()
})

test.afterAll(async () => {
  await shop.close()
})

test.beforeEach(({ page: _page }, info) => {
  test.skip(info.project.name === 'browser', 'outside WeChat there is no WeixinJSBridge')
})

const DESCRIPTION = '微选好物-有机蓝莓 125g×2'
const TOTAL_FEN = 3990

/** Serves the tiny shop's pages at the shop's own address, inside the registered pay directory. */
async function serveAtShopAddress(context: BrowserContext): Promise<void> {
  await context.route(url => url.origin === BASE_URL && /^\/(sdk\/|wx\.js$|probe\.js$|shop\.css$)/.test(url.pathname), async (route) => {
    const url = new URL(route.request().url())
    const response = await route.fetch({ url: `${shop.url}${url.pathname}${url.search}` })
    await route.fulfill({ response })
  })
  // a document the test answers counts as a public page to Chromium, which then refuses its
  // requests to the mock on the loopback address: those are answered through the test too
  await context.route(url => url.origin === MOCK_URL && (url.pathname === '/bridge.js' || url.pathname.startsWith('/__bridge/')), async (route) => {
    await route.fulfill({ response: await route.fetch() })
  })
}

/**
 * A WeChat user whose phone is this browser, signed in on `origin`'s pages: the mock's authorize
 * sends the phone back to the page with a code, which tells the in-page client there who it is.
 */
async function signedInPayer(page: Page, origin: string, fields: { addresses?: WechatAddress[] } = {}): Promise<string> {
  const openid = newOpenid()
  await mockWechat.putUser(openid, { nickname: '付款人', ...fields })
  await mockWechat.nextLogin(openid)
  const callback = `${origin}/sdk/callback`
  const authorize = await fetch(`${MOCK_URL}/connect/oauth2/authorize?appid=${MOCK_APPID}&redirect_uri=${encodeURIComponent(callback)}&response_type=code&scope=snsapi_base&state=pay`, { redirect: 'manual' })
  const back = authorize.headers.get('location') ?? ''
  expect(back).toMatch(/\/sdk\/callback\?code=\w+&state=pay$/)
  await openSdkPage(page, back)
  expect(await page.evaluate(() => (window as unknown as { __mockWechat: { currentUser: () => Promise<{ openid: string } | null> } }).__mockWechat.currentUser().then(user => user?.openid))).toBe(openid)
  return openid
}

/** A v3 JSAPI order at the mock's WeChat Pay, signed as a shop signs it; answers its out_trade_no and prepay_id. */
async function v3Prepay(openid: string): Promise<{ outTradeNo: string, prepayId: string }> {
  const outTradeNo = `E2E${Date.now()}${randomBytes(3).toString('hex')}`
  const body = JSON.stringify({
    appid: MOCK_APPID,
    mchid: MOCK_MERCHANT.mchId,
    description: DESCRIPTION,
    out_trade_no: outTradeNo,
    notify_url: `${shop.url}/notify`,
    amount: { total: TOTAL_FEN, currency: 'CNY' },
    payer: { openid },
  })
  const response = await v3Post('/v3/pay/transactions/jsapi', body)
  expect(response.status, await response.clone().text()).toBe(200)
  return { outTradeNo, prepayId: (await response.json() as { prepay_id: string }).prepay_id }
}

/** A WeChat Pay v3 POST, with the Authorization header a shop signs over method, path, time, nonce and body. */
function v3Post(path: string, body: string): Promise<Response> {
  const timestamp = String(Math.floor(Date.now() / 1000))
  const nonce = randomBytes(16).toString('hex')
  const signature = signV3(v3RequestMessage('POST', path, timestamp, nonce, body), MOCK_MERCHANT.privateKey)
  const authorization = buildV3Authorization({ mchid: MOCK_MERCHANT.mchId, nonce_str: nonce, signature, timestamp, serial_no: MOCK_MERCHANT.serialNo })
  return fetch(`${MOCK_URL}${path}`, { method: 'POST', headers: { authorization, 'accept': 'application/json', 'content-type': 'application/json' }, body })
}

/** The order's trade_state, as the mock's WeChat Pay holds it (GET /__control/pay/orders). */
async function tradeState(outTradeNo: string): Promise<string | undefined> {
  const { orders } = await (await fetch(`${MOCK_URL}/__control/pay/orders`)).json() as { orders: Array<{ out_trade_no: string, trade_state: string }> }
  return orders.find(order => order.out_trade_no === outTradeNo)?.trade_state
}

/** wx.chooseWXPay's options (the JS-SDK renames timestamp to timeStamp and adds appId from wx.config), signed. */
function payOptions(prepayId: string) {
  const unsigned = { appId: MOCK_APPID, timeStamp: String(Math.floor(Date.now() / 1000)), nonceStr: randomBytes(8).toString('hex'), package: prepayPackage(prepayId), signType: 'RSA' }
  const paySign = v3PaySign(unsigned, MOCK_MERCHANT.privateKey)
  return { bridge: { ...unsigned, paySign }, sdk: { timestamp: unsigned.timeStamp, nonceStr: unsigned.nonceStr, package: unsigned.package, signType: 'RSA', paySign } }
}

/** WeixinJSBridge.invoke('getBrandWCPayRequest', …) as pages did before the JS-SDK: resolves with its err_msg. */
function invokePay(page: Page, params: Record<string, string>): Promise<string> {
  return page.evaluate(params => new Promise<string>((resolve) => {
    const bridge = (window as unknown as { WeixinJSBridge: { invoke: (name: string, params: unknown, callback: (res: { err_msg: string }) => void) => void } }).WeixinJSBridge
    bridge.invoke('getBrandWCPayRequest', params, res => resolve(res.err_msg))
  }), params)
}

/** A page in the pay directory, signed in as a new payer, with wx.config done; answers the payer. */
async function payPage(page: Page, context: BrowserContext, jsApiList = ['chooseWXPay']): Promise<string> {
  await serveAtShopAddress(context)
  const openid = await signedInPayer(page, BASE_URL)
  await openSdkPage(page, `${BASE_URL}/sdk/orders/pay`)
  expect((await configure(page, signedConfig(await jsapiTicket(), pageUrl(page), jsApiList))).failure).toBeNull()
  return openid
}

test.describe('the 微信支付 sheet', () => {
  test('should show merchant, amount and description, and pay the order on 确认支付', async ({ page, context }, info) => {
    // iOS at the small phone WeChat still runs on (iPhone SE / 8: 375 × 667), Android at the Pixel's width
    if (info.project.name === 'wechat-ios')
      await page.setViewportSize({ width: 375, height: 667 })
    const openid = await payPage(page, context)
    const { outTradeNo, prepayId } = await v3Prepay(openid)
    const paid = sdk(page, 'chooseWXPay', payOptions(prepayId).sdk)

    const sheet = page.getByRole('dialog', { name: '微信支付' })
    await expect(sheet).toContainText('微选好物')
    await expect(sheet).toContainText('¥39.90')
    await expect(sheet).toContainText(DESCRIPTION)
    await expect(sheet).toContainText('零钱')
    await expect(sheet.getByRole('button', { name: '确认支付' })).toBeInViewport({ ratio: 1 })
    await page.screenshot({ path: `/tmp/mock-bridge-pay-${info.project.name}.png`, animations: 'disabled' })
    expect(await tradeState(outTradeNo)).toBe('NOTPAY')

    await sheet.getByRole('button', { name: '确认支付' }).click()
    await expect(sheet.getByRole('status')).toContainText('支付成功')
    await page.screenshot({ path: `/tmp/mock-bridge-paid-${info.project.name}.png`, animations: 'disabled' })
    expect((await paid).errMsg).toBe('chooseWXPay:ok')
    await expect(sheet).toHaveCount(0)
    expect(await tradeState(outTradeNo)).toBe('SUCCESS')
  })

  test('should answer :cancel and leave the order unpaid when the person closes the sheet, by ✕ or beside it', async ({ page, context }) => {
    const openid = await payPage(page, context)
    const { outTradeNo, prepayId } = await v3Prepay(openid)
    const sheet = page.getByRole('dialog', { name: '微信支付' })

    // a page that calls the bridge itself reads WeChat's own err_msg
    let result = invokePay(page, payOptions(prepayId).bridge)
    await sheet.getByRole('button', { name: '关闭' }).click()
    expect(await result).toBe('get_brand_wcpay_request:cancel')
    await expect(sheet).toHaveCount(0)
    expect(await tradeState(outTradeNo)).toBe('NOTPAY')

    // the order stays payable: the sheet opens again, and a tap on the page above it cancels too
    result = invokePay(page, payOptions(prepayId).bridge)
    await expect(sheet).toContainText('¥39.90')
    await page.mouse.click(20, 20)
    expect(await result).toBe('get_brand_wcpay_request:cancel')
    expect(await tradeState(outTradeNo)).toBe('NOTPAY')
  })

  test('should pay once however often 确认支付 is pressed', async ({ page, context }) => {
    const openid = await payPage(page, context)
    const { outTradeNo, prepayId } = await v3Prepay(openid)
    const paid = sdk(page, 'chooseWXPay', payOptions(prepayId).sdk)
    const confirm = page.getByRole('dialog', { name: '微信支付' }).getByRole('button', { name: '确认支付' })
    await confirm.dblclick()
    expect((await paid).errMsg).toBe('chooseWXPay:ok')
    expect(await tradeState(outTradeNo)).toBe('SUCCESS')
    // paid: the same parameters no longer open a sheet
    const again = sdk(page, 'chooseWXPay', payOptions(prepayId).sdk)
    const alert = page.getByRole('alertdialog')
    await expect(alert).toContainText('调用支付JSAPI缺少参数：total_fee')
    await alert.getByRole('button', { name: '确定' }).click()
    expect((await again).errMsg).toBe('chooseWXPay:fail')
  })

  test('should refuse a page outside the pay directory with 当前页面的URL未注册 naming the URL the client checks, and :fail', async ({ page }, info) => {
    const openid = newOpenid()
    await mockWechat.putUser(openid, {})
    const landing = `${shop.url}/sdk/orders/pay?id=7`
    await openSdkPage(page, landing)
    expect((await configure(page, signedConfig(await jsapiTicket(), pageUrl(page), ['chooseWXPay']))).failure).toBeNull()
    // the page moves on in place: iOS checks the URL it landed on, Android the current one, never a #fragment
    await page.evaluate(() => history.pushState(null, '', '/sdk/cart#/summary'))
    const { outTradeNo, prepayId } = await v3Prepay(openid)
    const result = sdk(page, 'chooseWXPay', payOptions(prepayId).sdk)
    const alert = page.getByRole('alertdialog')
    const checked = info.project.name === 'wechat-ios' ? landing : `${shop.url}/sdk/cart`
    await expect(alert).toHaveText(new RegExp(`^当前页面的URL未注册：${checked.replace(/[.?]/g, '\\$&')}确定$`))
    await expect(page.getByRole('dialog', { name: '微信支付' })).toHaveCount(0)
    await page.screenshot({ path: `/tmp/mock-bridge-alert-${info.project.name}.png`, animations: 'disabled' })
    await alert.getByRole('button', { name: '确定' }).click()
    expect((await result).errMsg).toBe('chooseWXPay:fail')
    expect(await tradeState(outTradeNo)).toBe('NOTPAY')
  })

  test('should answer :fail at once, with no dialog and no sheet, when WeChat Pay fails the payment', async ({ page, context }) => {
    const openid = await payPage(page, context)
    const { outTradeNo, prepayId } = await v3Prepay(openid)
    const queued = await fetch(`${MOCK_URL}/__control/pay/next-result`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ result: 'fail' }) })
    expect(queued.ok).toBe(true)
    expect((await sdk(page, 'chooseWXPay', payOptions(prepayId).sdk)).errMsg).toBe('chooseWXPay:fail')
    await expect(page.getByRole('alertdialog')).toHaveCount(0)
    await expect(page.getByRole('dialog', { name: '微信支付' })).toHaveCount(0)
    expect(await tradeState(outTradeNo)).toBe('NOTPAY')
  })

  test('should refuse a wrong paySign with 支付验证签名失败, then answer :cancel', async ({ page, context }) => {
    const openid = await payPage(page, context)
    const { prepayId } = await v3Prepay(openid)
    const options = payOptions(prepayId).sdk
    const forged = { ...options, paySign: v3PaySign({ appId: MOCK_APPID, timeStamp: options.timestamp, nonceStr: options.nonceStr, package: prepayPackage('wx-another-prepay'), signType: 'RSA' }, MOCK_MERCHANT.privateKey) }
    const result = sdk(page, 'chooseWXPay', forged)
    const alert = page.getByRole('alertdialog')
    await expect(alert).toContainText('支付验证签名失败')
    await alert.getByRole('button', { name: '确定' }).click()
    expect((await result).errMsg).toBe('chooseWXPay:cancel')
  })
})

const HOME: WechatAddress = {
  userName: '林小雨',
  telNumber: '13912345678',
  postalCode: '200030',
  provinceName: '上海市',
  cityName: '上海市',
  countryName: '徐汇区',
  detailInfo: '漕溪北路88号圣爱大厦1203室',
  nationalCode: '310104',
}
const OFFICE: WechatAddress = {
  userName: '林小雨',
  telNumber: '13912345678',
  postalCode: '518057',
  provinceName: '广东省',
  cityName: '深圳市',
  countryName: '南山区',
  detailInfo: '科苑路15号科兴科学园B栋801',
  nationalCode: '440305',
}

test.describe('the 选择收货地址 picker (wx.openAddress)', () => {
  async function addressPage(page: Page, addresses?: WechatAddress[]): Promise<void> {
    await signedInPayer(page, shop.url, addresses === undefined ? {} : { addresses })
    await openSdkPage(page, `${shop.url}/sdk/checkout`)
    expect((await configure(page, signedConfig(await jsapiTicket(), pageUrl(page), ['openAddress']))).failure).toBeNull()
  }

  test('should hand the page the address the person taps, in the JS-SDK\'s fields', async ({ page }, info) => {
    if (info.project.name === 'wechat-ios')
      await page.setViewportSize({ width: 375, height: 667 })
    await addressPage(page, [HOME, OFFICE])
    const chosen = sdk(page, 'openAddress')
    const picker = page.getByRole('dialog', { name: '选择收货地址' })
    await expect(picker).toContainText('林小雨')
    // WeChat's picker shows the whole number
    await expect(picker).toContainText('13912345678')
    await expect(picker).toContainText('上海市徐汇区漕溪北路88号圣爱大厦1203室')
    await expect(picker.getByRole('button', { name: /科苑路15号/ })).toBeInViewport({ ratio: 1 })
    await page.screenshot({ path: `/tmp/mock-bridge-address-${info.project.name}.png`, animations: 'disabled' })
    await picker.getByRole('button', { name: /科苑路15号/ }).click()
    expect(await chosen).toEqual({ errMsg: 'openAddress:ok', ...OFFICE })
    await expect(picker).toHaveCount(0)
  })

  test('should offer a persona\'s own two addresses when nobody set any, and answer :cancel when closed', async ({ page }) => {
    await addressPage(page)
    const chosen = sdk(page, 'openAddress')
    const picker = page.getByRole('dialog', { name: '选择收货地址' })
    await expect(picker.getByRole('button', { name: /^\p{Script=Han}{2,3} 1[3-9]\d{9}/u })).toHaveCount(2)
    await picker.getByRole('button', { name: '关闭' }).click()
    expect((await chosen).errMsg).toBe('openAddress:cancel')
    await expect(picker).toHaveCount(0)
  })

  test('should show 暂无收货地址 to a user without addresses', async ({ page }) => {
    await addressPage(page, [])
    const chosen = sdk(page, 'openAddress')
    const picker = page.getByRole('dialog', { name: '选择收货地址' })
    await expect(picker).toContainText('暂无收货地址')
    await picker.getByRole('button', { name: '关闭' }).click()
    expect((await chosen).errMsg).toBe('openAddress:cancel')
  })

  test('should deny openAddress before wx.config, and to a config that did not list it', async ({ page }) => {
    await signedInPayer(page, shop.url)
    await openSdkPage(page, `${shop.url}/sdk/checkout`)
    expect((await sdk(page, 'openAddress')).errMsg).toBe('openAddress:permission denied')
    await configure(page, signedConfig(await jsapiTicket(), pageUrl(page), ['chooseWXPay']))
    expect((await sdk(page, 'openAddress')).errMsg).toBe('openAddress:fail, the permission value is offline verifying')
    await expect(page.getByRole('dialog', { name: '选择收货地址' })).toHaveCount(0)
  })
})
