import { spawn, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { BrowserContext, Page } from '@playwright/test'
import { encryptResource, formatV3Time, signV3, v3ResponseMessage } from '@wxshop/shared/wechat-pay'
import { trackDocuments } from '../support/documents'
import { expect, test } from '../support/fixtures'
import { actAs, mockWechat, newOpenid } from '../support/mock-wechat'
import { BASE_URL, RESTART_API_PORT, RESTART_BASE_URL, RUN_DIR, serverEnv, V2_BASE_URL } from '../support/servers'
import { registerAccount } from '../support/shop'

// Pay (issue 8), as a shopper in WeChat does it: cart or 立即购买 → checkout (the address from WeChat's
// own picker) → 提交订单 → WeChat's pay sheet → 支付成功, against the mock's WeChat Pay, which checks
// every signature and the pay directory as WeChat does. The shop marks an order paid only when WeChat
// Pay says so (the notify, or its order query), never because the sheet said ok.

const API_DIR = fileURLToPath(new URL('../../apps/api', import.meta.url))

test.beforeEach(({ browserName: _ }, info) => {
  test.skip(info.project.name === 'browser' && !info.titlePath.includes('outside WeChat'), 'WeChat Pay runs only inside WeChat')
})

/** A new WeChat user who follows the account, on this phone. */
async function shopper(context: BrowserContext): Promise<string> {
  const openid = newOpenid()
  await mockWechat.putUser(openid, { nickname: '买买买', subscribe: 1 })
  await actAs(context, openid)
  return openid
}

/** On /checkout: the address from WeChat's 选择收货地址 sheet, then 提交订单. */
async function submitWithWechatAddress(page: Page): Promise<void> {
  await page.getByTestId('checkout-address').click()
  const picker = page.getByRole('dialog', { name: '选择收货地址' })
  await picker.getByRole('button', { name: /^\p{Script=Han}{2,3} 1[3-9]\d{9}/u }).first().click()
  await expect(picker).toHaveCount(0)
  await expect(page.getByTestId('checkout-address')).toContainText(/1[3-9]\d{9}/)
  await page.getByRole('button', { name: '提交订单' }).click()
}

/** 立即购买 on product 3, binding a new account on the way, and submit the order. */
async function buyNow(page: Page, base = BASE_URL): Promise<void> {
  await page.goto(`${base}/product/3`)
  await page.getByRole('button', { name: '立即购买' }).click()
  await expect(page).toHaveURL(/\/login/)
  await registerAccount(page)
  await expect(page).toHaveURL(/\/checkout\?/)
  await submitWithWechatAddress(page)
}

const paySheet = (page: Page) => page.getByRole('dialog', { name: '微信支付' })

async function orderNoOnPage(page: Page): Promise<string> {
  return (await page.getByTestId('order-no').textContent())!.trim()
}

test('should buy from the cart and pay with WeChat Pay, with no page load but the sheet, and say 支付成功 only once WeChat Pay confirms', async ({ page, context }, info) => {
  const openid = await shopper(context)
  await page.goto('/product/3')
  await page.getByRole('button', { name: '加入购物车' }).click()
  await page.goto('/cart')
  const documents = trackDocuments(page)
  await page.getByRole('button', { name: /去结算/ }).click()
  await registerAccount(page)
  await expect(page).toHaveURL(/\/checkout\?/)
  await submitWithWechatAddress(page)

  const sheet = paySheet(page)
  await expect(sheet).toContainText('¥')
  const orderNo = await orderNoOnPage(page)
  expect((await mockWechat.payOrder(orderNo))?.trade_state).toBe('NOTPAY')
  await expect(page.getByTestId('order-state')).toContainText('待支付')
  await sheet.getByRole('button', { name: '确认支付' }).click()

  await expect(page.getByTestId('order-state')).toContainText('支付成功')
  await expect(page.getByText(/支付时间/).first()).toBeVisible()
  const paid = await mockWechat.payOrder(orderNo)
  expect(paid).toMatchObject({ version: 'v3', openid, trade_state: 'SUCCESS', notifyAcknowledged: true })
  // the whole way from the cart to paid happened inside the one page the shopper opened
  expect(documents.shop).toBe(0)
  info.annotations.push({ type: 'document-loads', description: `cart → paid, pay directory at the root (binding on the way): shop ${documents.shop}, wechat ${documents.wechat}` })
  // the buyer hears of it once, in WeChat
  await expect.poll(async () => (await mockWechat.messages()).filter(m => m.kind === 'template' && m.touser === openid).length).toBe(1)
  // the cart no longer holds what was bought
  await page.goto('/cart')
  await expect(page.getByText('购物车还是空的')).toBeVisible()
})

test('should leave the order unpaid when the shopper closes the sheet, and pay it later from the order page', async ({ page, context }) => {
  await shopper(context)
  await buyNow(page)
  await paySheet(page).getByRole('button', { name: '关闭' }).click()
  await expect(page.getByText('已取消支付')).toBeVisible()
  await expect(page.getByTestId('order-state')).toContainText('待支付')
  const orderNo = await orderNoOnPage(page)
  expect((await mockWechat.payOrder(orderNo))?.trade_state).toBe('NOTPAY')

  // later, from 我的订单 → 待支付
  await page.goto('/orders?status=unpaid')
  await page.getByText(orderNo).click()
  await page.getByRole('button', { name: '去支付' }).click()
  await paySheet(page).getByRole('button', { name: '确认支付' }).click()
  await expect(page.getByTestId('order-state')).toContainText('支付成功')
  expect((await mockWechat.payOrder(orderNo))?.trade_state).toBe('SUCCESS')
})

test('should keep the order payable when WeChat Pay fails it, and give the stock back when the shopper cancels it', async ({ page, context, request }) => {
  await shopper(context)
  const stockBefore = (await (await request.get('/api/products/3')).json() as { stock: number }).stock
  await mockWechat.failNextPayment()
  await buyNow(page)
  await expect(page.getByText('支付失败，请重试')).toBeVisible()
  await expect(page.getByTestId('order-state')).toContainText('待支付')
  expect((await (await request.get('/api/products/3')).json() as { stock: number }).stock).toBe(stockBefore - 1)

  await page.getByRole('button', { name: '取消订单' }).click()
  await page.getByRole('dialog').getByRole('button', { name: '取消订单' }).click()
  await expect(page.getByTestId('order-state')).toContainText('订单已取消')
  await expect(page.getByRole('button', { name: '去支付' })).toHaveCount(0)
  const orderNo = await orderNoOnPage(page)
  expect((await mockWechat.payOrder(orderNo))?.trade_state).toBe('CLOSED')
  expect((await (await request.get('/api/products/3')).json() as { stock: number }).stock).toBe(stockBefore)
})

test('should pay with APIv2 under a deeper pay directory, entering the pay page by one full load only where the client checks the landing URL', async ({ page, context }, info) => {
  await shopper(context)
  const documents = trackDocuments(page)
  await buyNow(page, V2_BASE_URL)
  const orderNo = await orderNoOnPage(page)
  const loadsBeforePay = documents.urls.filter(url => url.startsWith(V2_BASE_URL))
  await paySheet(page).getByRole('button', { name: '确认支付' }).click()
  await expect(page.getByTestId('order-state')).toContainText('支付成功')
  expect(await mockWechat.payOrder(orderNo)).toMatchObject({ version: 'v2', sign_type: 'HMAC-SHA256', trade_state: 'SUCCESS', notifyAcknowledged: true })
  // iOS checks the page it landed on (/product/3, outside /orders/): the shop reloads into /orders/:id once.
  // Android checks the current page, /orders/:id: no reload.
  const payPageLoads = loadsBeforePay.filter(url => /\/orders\/\d+\?pay=1$/.test(url))
  expect(payPageLoads).toHaveLength(info.project.name === 'wechat-ios' ? 1 : 0)
  // and no other page load after the one the shopper landed on
  const afterLanding = documents.shop - 1
  expect(afterLanding).toBe(payPageLoads.length)
  info.annotations.push({ type: 'document-loads', description: `立即购买 → paid, pay directory /orders/ (APIv2), after the landing page: shop ${afterLanding}, wechat ${documents.wechat}` })
  expect(new URL(page.url()).search).toBe('')
})

test('should make one transition and send one template message for 50 concurrent copies of the notify', async ({ page, context }) => {
  const openid = await shopper(context)
  await buyNow(page)
  await paySheet(page).getByRole('button', { name: '确认支付' }).click()
  await expect(page.getByTestId('order-state')).toContainText('支付成功')
  const orderNo = await orderNoOnPage(page)
  const paidAt = await page.getByText(/支付时间/).first().textContent()

  const answers = await mockWechat.payNotify(orderNo, 'success', 50)
  expect(answers.filter(answer => answer.acknowledged)).toHaveLength(50)
  await page.reload()
  await expect(page.getByText(/支付时间/).first()).toHaveText(paidAt!)
  await expect.poll(async () => (await mockWechat.messages()).filter(m => m.kind === 'template' && m.touser === openid).length).toBe(1)
})

/** A v3 notify for `orderNo`, signed and encrypted as WeChat Pay does, with the transaction's fields changed by `change`. */
async function forgedNotify(orderNo: string, openid: string, totalFen: number, change: Record<string, unknown> = {}) {
  const keys = await mockWechat.payKeys()
  const transaction = {
    mchid: keys.mchid, appid: keys.appid, out_trade_no: orderNo, transaction_id: `4200${String(Date.now()).padStart(24, '0')}`,
    trade_type: 'JSAPI', trade_state: 'SUCCESS', trade_state_desc: '支付成功', bank_type: 'OTHERS', success_time: formatV3Time(Date.now()),
    payer: { openid }, amount: { total: totalFen, payer_total: totalFen, currency: 'CNY', payer_currency: 'CNY' }, ...change,
  }
  const body = JSON.stringify({
    id: `EV-${randomBytes(8).toString('hex')}`, create_time: formatV3Time(Date.now()), resource_type: 'encrypt-resource', event_type: 'TRANSACTION.SUCCESS', summary: '支付成功',
    resource: { original_type: 'transaction', ...encryptResource(keys.apiV3Key, JSON.stringify(transaction), 'transaction', randomBytes(6).toString('hex')) },
  })
  const timestamp = String(Math.floor(Date.now() / 1000))
  const nonce = randomBytes(16).toString('hex')
  return {
    data: body,
    headers: {
      'content-type': 'application/json', 'wechatpay-timestamp': timestamp, 'wechatpay-nonce': nonce, 'wechatpay-serial': keys.publicKeyId,
      'wechatpay-signature-type': 'WECHATPAY2-SHA256-RSA2048', 'wechatpay-signature': signV3(v3ResponseMessage(timestamp, nonce, body), keys.platformPrivateKey),
    },
  }
}

test('should refuse an under-paid notify and a SIGNTEST probe, and leave the order unpaid', async ({ page, context, request }) => {
  const openid = await shopper(context)
  await buyNow(page)
  await paySheet(page).getByRole('button', { name: '关闭' }).click()
  const orderNo = await orderNoOnPage(page)
  const order = await mockWechat.payOrder(orderNo)

  const underPaid = await request.post('/api/pay/notify/v3', await forgedNotify(orderNo, openid, order!.total - 1))
  expect(underPaid.status()).toBeGreaterThanOrEqual(400)
  const probe = await request.post('/api/pay/notify/v3', {
    ...await forgedNotify(orderNo, openid, order!.total),
    headers: { ...(await forgedNotify(orderNo, openid, order!.total)).headers, 'wechatpay-signature': `WECHATPAY/SIGNTEST/${randomBytes(32).toString('base64')}` },
  })
  expect(probe.status()).toBeGreaterThanOrEqual(400)
  // the one right notify still pays it
  const right = await request.post('/api/pay/notify/v3', await forgedNotify(orderNo, openid, order!.total))
  expect(right.status()).toBe(204)
  await page.reload()
  await expect(page.getByTestId('order-state')).toContainText('已支付')
})

test.describe('an API restarted between pay and notify', () => {
  // its own API process on its own port and database, so this test may stop and start it
  let api: ChildProcess | undefined
  const env = serverEnv({ PORT: String(RESTART_API_PORT), PUBLIC_URL: RESTART_BASE_URL, DATABASE_URL: `file:${join(RUN_DIR, 'wxshop-restart.db')}` })

  async function startApi(): Promise<void> {
    api = spawn(process.execPath, ['dist/server.js'], { cwd: API_DIR, env, stdio: 'ignore' })
    await expect.poll(async () => (await fetch(`${RESTART_BASE_URL}/api/health`).catch(() => undefined))?.status, { timeout: 20_000 }).toBe(200)
  }

  async function stopApi(): Promise<void> {
    const child = api
    if (!child || child.exitCode !== null)
      return
    await new Promise(resolve => child.once('exit', resolve).kill('SIGTERM'))
  }

  test.afterEach(async () => {
    await stopApi()
  })

  test('should pay the order once when WeChat Pay\'s notify finds the API down and retries after it is back', async ({ page, context }) => {
    test.setTimeout(60_000)
    const openid = await shopper(context)
    await startApi()
    await buyNow(page, RESTART_BASE_URL)
    const orderNo = await orderNoOnPage(page)
    await expect(paySheet(page)).toBeVisible()

    await stopApi()
    await paySheet(page).getByRole('button', { name: '确认支付' }).click()
    // WeChat Pay took the money; its first notify finds nobody there
    await expect.poll(async () => (await mockWechat.payOrder(orderNo))?.notifyAttempts.length ?? 0).toBeGreaterThan(0)
    expect((await mockWechat.payOrder(orderNo))?.notifyAcknowledged).toBe(false)

    await startApi()
    await expect.poll(async () => (await mockWechat.payOrder(orderNo))?.notifyAcknowledged, { timeout: 30_000 }).toBe(true)
    await page.reload()
    await expect(page.getByTestId('order-state')).toContainText('已支付')
    await expect.poll(async () => (await mockWechat.messages()).filter(m => m.kind === 'template' && m.touser === openid).length).toBe(1)
  })
})

test.describe('outside WeChat', () => {
  test.beforeEach(({ browserName: _ }, info) => {
    test.skip(info.project.name !== 'browser', 'a plain mobile browser has no WeChat address book and no WeChat Pay')
  })

  test('should take the address from a form and place the order, then ask for WeChat to pay', async ({ page }) => {
    await page.goto('/product/3')
    await page.getByRole('button', { name: '立即购买' }).click()
    await registerAccount(page)
    await page.getByTestId('checkout-address').click()
    await page.getByLabel('收货人').fill('王小明')
    await page.getByLabel('手机号').fill('1380013800')
    await page.getByLabel('省份').fill('广东省')
    await page.getByLabel('城市').fill('深圳市')
    await page.getByLabel('区/县').fill('南山区')
    await page.getByLabel('详细地址').fill('科技园南区 8 栋 302')
    await page.getByTestId('address-save').click()
    await expect(page.getByText('请填写正确的 11 位手机号')).toBeVisible()
    await page.getByLabel('手机号').fill('13800138000')
    await page.getByTestId('address-save').click()
    await expect(page.getByTestId('checkout-address')).toContainText('王小明')
    await page.getByRole('button', { name: '提交订单' }).click()
    await expect(page.getByText('请在微信中完成支付')).toBeVisible()
    await expect(page.getByTestId('order-state')).toContainText('待支付')
    await expect(page.getByText('科技园南区 8 栋 302')).toBeVisible()
  })
})
