import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Page } from '@playwright/test'
import { expect, test } from '../support/fixtures'
import { actAs, mockWechat, newOpenid } from '../support/mock-wechat'
import { MOCK_URL } from '../support/servers'

// The mock WeChat's in-page client (GET /bridge.js) in real Chromium: loaded by a page on the shop's
// host (localhost) from the mock (127.0.0.1), a cross-site pair where the mock's cookie is a
// third-party cookie that Chromium does not send. A bare page stands in for the shop until the API
// adds the script to index.html.

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
