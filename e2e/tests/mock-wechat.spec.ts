import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Page } from '@playwright/test'
import { expect, test } from '../support/fixtures'
import { actAs, mockWechat, newOpenid } from '../support/mock-wechat'
import { MOCK_URL } from '../support/servers'

// The mock WeChat as real Chromium meets it from a page on the shop's host (localhost), which is
// another site than the mock (127.0.0.1): there the mock's cookie is a third-party cookie that
// Chromium does not send, and the control API must not obey the page. A bare page stands in for the
// shop until the API adds the in-page client (GET /bridge.js) to index.html.

const MOCK_APPID = 'wxa1b2c3d4e5f60718'

interface BridgeUser { openid: string, nickname: string }

let shop: Server
let shopUrl: string

test.beforeAll(async () => {
  shop = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
    response.end(`<!doctype html><meta charset="utf-8"><title>店铺</title><script src="${MOCK_URL}/bridge.js"></script>`)
  })
  await new Promise<void>(resolve => shop.listen(0, '127.0.0.1', resolve))
  shopUrl = `http://localhost:${(shop.address() as AddressInfo).port}`
})

test.afterAll(async () => {
  await new Promise(resolve => shop.close(resolve))
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
