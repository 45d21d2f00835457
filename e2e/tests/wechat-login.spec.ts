import { expect, test } from '../support/fixtures'
import { expireAllSessions } from '../support/database'
import { trackDocuments } from '../support/documents'
import { actAs, mockWechat, newOpenid } from '../support/mock-wechat'
import { BASE_URL, MOCK_URL } from '../support/servers'
import { expectCleanAddress, expectProductPage, registerAccount } from '../support/shop'

/** The mock-mode appid (README: Configuration). */
const MOCK_APPID = 'wxa1b2c3d4e5f60718'

// The WeChat login flows of ARCHITECTURE.md "Flows: Login", in the two WeChat profiles.
// Document loads are counted per scenario; docs/PERFORMANCE.md records them.

const AUTHORIZE = '/connect/oauth2/authorize'
const EXCHANGE = '/sns/oauth2/access_token'

test('should identify a new user silently with one document load and bind them on the way to 我的', async ({ page, context }, info) => {
  const openid = newOpenid()
  await mockWechat.putUser(openid, { nickname: '新朋友小林' })
  await actAs(context, openid)
  const docs = trackDocuments(page)

  // a shared product link: silent snsapi_base, straight back to the product
  await page.goto('/product/3')
  await expectProductPage(page)
  expectCleanAddress(page)
  expect(docs).toMatchObject({ shop: 1, wechat: 0 })
  info.annotations.push({ type: 'document-loads', description: `new user, silent: shop ${docs.shop}, wechat ${docs.wechat}` })

  // browse on: no more authorisation
  const authorizeCalls = await mockWechat.callCount(AUTHORIZE)
  await page.getByText('首页').click()
  await expect(page.getByRole('tab', { name: '全部' })).toBeVisible()
  expect(await mockWechat.callCount(AUTHORIZE)).toBe(authorizeCalls)

  // 我的 needs the WeChat profile (consent) and a shop account (binding)
  await page.getByRole('tab', { name: '我的' }).click()
  await page.getByRole('button', { name: '允许' }).click()
  await expect(page).toHaveURL(/\/login\?redirect=%2Fprofile|\/login\?redirect=\/profile/)
  expectCleanAddress(page)
  const phone = await registerAccount(page)
  await expect(page).toHaveURL(/\/profile$/)
  await expect(page.getByText('新朋友小林')).toBeVisible()
  await expect(page.getByText(`${phone.slice(0, 3)}****${phone.slice(7)}`)).toBeVisible()

  // a bound user is never shown /login
  await page.goto('/login')
  await expect(page).toHaveURL(/\/profile$/)
})

test('should cost two document loads without the server fast path, the guard alone deciding', async ({ page, context }, info) => {
  // the API skips its fast path for two minutes after one redirect (wxshop_auth_try): the SPA boots,
  // finds no session and starts authorisation itself, as the seed's guard-only flow does
  await context.addCookies([{ name: 'wxshop_auth_try', value: '1', url: BASE_URL }])
  const docs = trackDocuments(page)
  await page.goto('/product/3')
  await expectProductPage(page)
  expectCleanAddress(page)
  expect(docs).toMatchObject({ shop: 2, wechat: 0 })
  info.annotations.push({ type: 'document-loads', description: `new user, silent, SPA guard only (no fast path): shop ${docs.shop}, wechat ${docs.wechat}` })
})

test('should open for a returning user with one document load and no visit to WeChat', async ({ page }, info) => {
  await page.goto('/product/2')
  await expectProductPage(page)
  const authorizeCalls = await mockWechat.callCount(AUTHORIZE)

  const docs = trackDocuments(page)
  await page.goto('/cart')
  await expect(page.getByText(/购物车还是空的|共 \d+ 件商品/)).toBeVisible()
  expect(docs).toMatchObject({ shop: 1, wechat: 0 })
  expect(await mockWechat.callCount(AUTHORIZE)).toBe(authorizeCalls)
  info.annotations.push({ type: 'document-loads', description: `returning user: shop ${docs.shop}, wechat ${docs.wechat}` })
})

test('should ask for consent only on 我的, show the WeChat nickname after binding, and unbind on logout', async ({ page, context }, info) => {
  const openid = newOpenid()
  await mockWechat.putUser(openid, { nickname: '晓雯 Xiaowen' })
  await actAs(context, openid)
  const docs = trackDocuments(page)

  // a link straight to 我的: snsapi_userinfo at once, so WeChat's consent page is the only extra page
  await page.goto('/profile')
  await expect(page.getByText('申请获取以下权限')).toBeVisible()
  await page.getByRole('button', { name: '允许' }).click()
  await expect(page).toHaveURL(/\/login/)
  expect(docs).toMatchObject({ shop: 1, wechat: 1 })
  info.annotations.push({ type: 'document-loads', description: `new user, consent: shop ${docs.shop}, wechat ${docs.wechat}` })
  await expect(page.getByText('晓雯 Xiaowen')).toBeVisible()
  await registerAccount(page)
  await expect(page).toHaveURL(/\/profile$/)
  // the nickname shows on /login too: 退出登录 is what only 我的 has
  await expect(page.getByRole('button', { name: '退出登录' })).toBeVisible()
  await expect(page.getByText('晓雯 Xiaowen')).toBeVisible()

  // 退出登录 ends the binding: the same WeChat user is re-identified silently, unbound again
  await page.getByRole('button', { name: '退出登录' }).click()
  await page.getByRole('button', { name: '确定' }).click()
  await expect(page.getByRole('tab', { name: '全部' })).toBeVisible()
  await page.getByRole('tab', { name: '我的' }).click()
  await expect(page).toHaveURL(/\/login/)
  await expect(page.getByText('晓雯 Xiaowen')).toBeVisible()
})

test('should explain and offer to try again when the user refuses consent, without looping', async ({ page }) => {
  await page.goto('/profile')
  const authorizeCalls = await mockWechat.callCount(AUTHORIZE)
  await page.getByRole('button', { name: '拒绝' }).click()
  await expect(page).toHaveURL(/\/auth\/denied/)
  await expect(page.getByRole('button', { name: '重新授权' })).toBeVisible()
  expectCleanAddress(page)
  // it stays put: once the page has stopped loading anything, there was no second trip to WeChat
  await page.waitForLoadState('networkidle')
  await expect(page.getByRole('button', { name: '重新授权' })).toBeVisible()
  expect(await mockWechat.callCount(AUTHORIZE)).toBe(authorizeCalls)

  await page.getByRole('button', { name: '重新授权' }).click()
  await expect(page.getByText('申请获取以下权限')).toBeVisible()
})

test('should let a snapshot-page visitor browse but never store or bind the virtual identity', async ({ page }) => {
  await page.goto('/profile')
  await page.getByRole('button', { name: /仅浏览/ }).click()
  await expect(page.getByText(/快照页/).first()).toBeVisible()
  // nothing was stored: the API has no session for this browser
  expect((await page.request.get('/api/me')).status()).toBe(401)

  // browsing works, and never loops back to WeChat
  const authorizeCalls = await mockWechat.callCount(AUTHORIZE)
  await page.goto('/product/3')
  await expectProductPage(page)
  await page.waitForLoadState('networkidle')
  await expectProductPage(page)
  expect(await mockWechat.callCount(AUTHORIZE)).toBe(authorizeCalls)
})

test('should never reuse a code when the user comes back to the callback address', async ({ page }) => {
  let callbackUrl = ''
  page.on('request', (request) => {
    if (request.isNavigationRequest() && /[?&]code=/.test(request.url()))
      callbackUrl = request.url()
  })
  await page.goto('/product/3')
  await expectProductPage(page)
  expect(callbackUrl).toContain('code=')

  // back button after login: the code was replaced out of history
  await page.getByText('首页').click()
  await expect(page.getByRole('tab', { name: '全部' })).toBeVisible()
  await page.goBack()
  await expectProductPage(page)
  expectCleanAddress(page)

  // the old callback URL opened again (a refresh of a stale tab): refused, one fresh authorisation, no error
  const exchanges = await mockWechat.callCount(EXCHANGE)
  const authorizeCalls = await mockWechat.callCount(AUTHORIZE)
  await page.goto(callbackUrl)
  await expectProductPage(page)
  expectCleanAddress(page)
  await expect(page.getByText(/授权失败|出错了/)).toHaveCount(0)
  expect(await mockWechat.callCount(AUTHORIZE)).toBe(authorizeCalls + 1)
  // the old code never reached WeChat a second time (its state was spent): only the fresh one did
  expect(await mockWechat.callCount(EXCHANGE)).toBe(exchanges + 1)
})

test('should refuse a tampered state without exchanging its code, then sign in with a fresh authorisation', async ({ page, request }) => {
  // a genuine code from WeChat, paired with a state this browser was never given
  const authorize = await request.get(`${MOCK_URL}${AUTHORIZE}?appid=${MOCK_APPID}&redirect_uri=${encodeURIComponent(`${BASE_URL}/product/3`)}&response_type=code&scope=snsapi_base&state=mine`, { maxRedirects: 0 })
  const code = new URL(authorize.headers().location ?? '').searchParams.get('code')
  expect(code).toBeTruthy()

  const exchangedBefore = await mockWechat.callCount(EXCHANGE)
  await page.goto(`/product/3?code=${code}&state=forged-by-someone-else`)
  await expectProductPage(page)
  expectCleanAddress(page)
  // the forged pair was refused before the server asked WeChat; only the fresh code was exchanged
  expect(await mockWechat.callCount(EXCHANGE)).toBe(exchangedBefore + 1)
  expect((await page.request.get('/api/me')).status()).toBe(200)
})

test('should re-identify silently when the session has expired', async ({ page }) => {
  await page.goto('/')
  await expect(page.getByRole('tab', { name: '全部' })).toBeVisible()
  expect((await page.request.get('/api/me')).status()).toBe(200)

  expect(expireAllSessions()).toBeGreaterThan(0)
  expect((await page.request.get('/api/me')).status()).toBe(401)
  const authorizeCalls = await mockWechat.callCount(AUTHORIZE)
  await page.goto('/cart')
  await expect(page.getByText(/购物车还是空的|共 \d+ 件商品/)).toBeVisible()
  expect(await mockWechat.callCount(AUTHORIZE)).toBe(authorizeCalls + 1)
  expect((await page.request.get('/api/me')).status()).toBe(200)
})

test('should show a retry page, not a blank screen, when WeChat is busy', async ({ page }) => {
  await mockWechat.fail(EXCHANGE, -1, 1)
  await page.goto('/product/1')
  await expect(page).toHaveURL(/\/auth\/error/)
  await expect(page.getByRole('button', { name: /重试/ })).toBeVisible()
  await page.getByRole('button', { name: /重试/ }).click()
  // WeChat answers again: the retry lands on the product
  await expectProductPage(page)
})
