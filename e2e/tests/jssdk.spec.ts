import type { Page, Request } from '@playwright/test'
import { expect, test } from '../support/fixtures'
import { actAs, mockWechat, newOpenid, type RecordedShare } from '../support/mock-wechat'
import { BASE_URL } from '../support/servers'
import { expectProductPage, registerAccount } from '../support/shop'

// The JS-SDK in the shop (issue 6): wx.config on the URL each client checks, share data per route,
// 扫一扫, and the follow prompt, against the mock's client, which checks signatures as WeChat does.

const SHOP_NAME = '微选好物'

/** The page URLs the SPA asked the API to sign, in order. */
function trackSignedUrls(page: Page): string[] {
  const urls: string[] = []
  page.on('request', (request: Request) => {
    const url = new URL(request.url())
    if (url.pathname === '/api/jssdk/config')
      urls.push(url.searchParams.get('url') ?? '')
  })
  return urls
}

/** The newest share of one kind the page registered, once there is one. */
async function latestShare(api: RecordedShare['api']): Promise<RecordedShare | undefined> {
  return (await mockWechat.shares()).find(share => share.api === api)
}

async function expectShare(api: RecordedShare['api'], expected: Partial<Record<keyof RecordedShare, unknown>>): Promise<void> {
  await expect.poll(() => latestShare(api)).toMatchObject(expected)
}

const shopShare = { title: SHOP_NAME, link: `${BASE_URL}/`, imgUrl: expect.stringMatching(new RegExp(`^${BASE_URL}/`)) }

test.describe('in WeChat', () => {
  test.beforeEach(({ browserName: _ }, info) => {
    test.skip(info.project.name === 'browser', 'the JS-SDK runs only inside WeChat')
  })

  test('should share what each route shows through three in-app navigations, signing the URL the client checks', async ({ page }, info) => {
    const signed = trackSignedUrls(page)
    await page.goto('/')
    await expect(page.getByRole('tab', { name: '全部' })).toBeVisible()
    await expectShare('updateAppMessageShareData', shopShare)
    await expectShare('updateTimelineShareData', shopShare)

    // 1: a product shares itself, its price in the description and its picture on the shop's origin
    await page.getByRole('tab', { name: '生鲜水果' }).click()
    await page.getByRole('link', { name: /蓝莓/ }).click()
    await expectProductPage(page)
    const productUrl = `${BASE_URL}${new URL(page.url()).pathname}`
    await expectShare('updateAppMessageShareData', {
      title: expect.stringContaining('蓝莓'),
      desc: expect.stringMatching(/¥\d+\.\d{2}/),
      link: productUrl,
      imgUrl: expect.stringMatching(new RegExp(`^${BASE_URL}/.+`)),
    })
    await expectShare('updateTimelineShareData', { title: expect.stringContaining('蓝莓'), link: productUrl })

    // 2: any other route shares the shop again
    await page.goBack()
    await page.getByRole('tab', { name: /购物车/ }).click()
    await expect(page).toHaveURL(/\/cart$/)
    await expectShare('updateAppMessageShareData', { ...shopShare, pageUrl: expect.stringContaining('/cart') })

    // 3: home, then another product
    await page.getByRole('tab', { name: /首页/ }).click()
    await page.getByRole('tab', { name: '零食饮品' }).click()
    await page.getByRole('link', { name: /冷萃咖啡/ }).click()
    await expectProductPage(page)
    await expectShare('updateAppMessageShareData', { title: expect.stringContaining('冷萃咖啡') })

    // iOS checks the URL the page was loaded with: one signature for the page, whatever the route.
    // Android checks the current URL: one signature per URL it showed.
    const paths = signed.map(url => new URL(url).pathname)
    if (info.project.name === 'wechat-ios')
      expect(paths).toEqual(['/'])
    else
      expect(paths).toEqual(['/', new URL(productUrl).pathname, '/', '/cart', '/', expect.stringMatching(/^\/product\/\d+$/)])
  })

  test('should fail wx.config on a signature for the wrong URL, re-sign once, and keep the shop working without sharing', async ({ page }) => {
    const signed = trackSignedUrls(page)
    // every signature the API returns is for a URL the page is not on
    await page.route('**/api/jssdk/config?**', async (route) => {
      const url = new URL(route.request().url())
      url.searchParams.set('url', `${BASE_URL}/not-this-page`)
      await route.continue({ url: url.toString() })
    })
    await page.goto('/')
    await expect(page.getByRole('tab', { name: '全部' })).toBeVisible()
    await expect.poll(() => signed.length).toBe(2)
    await page.getByRole('tab', { name: '数码配件' }).click()
    await expect(page.getByRole('link', { name: /充电宝/ })).toBeVisible()
    await page.waitForLoadState('networkidle')
    expect(signed).toHaveLength(2)
    expect(await mockWechat.shares()).toEqual([])
  })

  test('should open the product a scanned code names, and say so when a code names none', async ({ page }) => {
    await page.goto('/')
    const scan = page.getByRole('button', { name: '扫一扫' })

    await mockWechat.queueScan(`${BASE_URL}/product/3`)
    await scan.click()
    await expect(page).toHaveURL(/\/product\/3$/)
    await expectProductPage(page)

    await page.goBack()
    await mockWechat.queueScan('CODE_128,987654')
    await scan.click()
    await expect(page.getByText('没有找到这个商品')).toBeVisible()
    await expect(page).toHaveURL(`${BASE_URL}/`)
  })

  test('should open the product whose code a person types into the scanner', async ({ page }) => {
    await page.goto('/')
    await page.getByRole('button', { name: '扫一扫' }).click()
    await page.getByPlaceholder('输入二维码或条码内容').fill('2')
    await page.getByRole('button', { name: '确定' }).click()
    await expect(page).toHaveURL(/\/product\/2$/)
  })

  test('should recover through realAuthUrl on an iOS client that checks the current URL', async ({ page }, info) => {
    test.skip(info.project.name !== 'wechat-ios', 'an iOS client setting')
    await page.addInitScript(() => localStorage.setItem('mockwx:ios-client', 'current-url'))
    const signed = trackSignedUrls(page)
    // a new visitor lands with ?code&state, which the SPA removes: the landing URL is not the current one
    await page.goto('/product/3')
    await expectProductPage(page)
    await expectShare('updateAppMessageShareData', { link: `${BASE_URL}/product/3` })
    expect(signed[0]).toMatch(/\/product\/3\?code=/)
    expect(signed.at(-1)).toBe(`${BASE_URL}/product/3`)
  })

  test('should show the Official Account\'s QR code on 我的 to a user who does not follow it, and not to a follower', async ({ page, context }) => {
    const stranger = newOpenid()
    await mockWechat.putUser(stranger, { nickname: '路过的人', subscribe: 0 })
    await actAs(context, stranger)
    await page.goto('/profile')
    await page.getByRole('button', { name: '允许' }).click()
    await registerAccount(page)
    await expect(page).toHaveURL(/\/profile$/)
    await expect(page.getByText(`关注「${SHOP_NAME}」公众号`)).toBeVisible()
    const qr = page.getByRole('img', { name: /二维码/ })
    await expect(qr).toBeVisible()
    expect(await qr.evaluate(image => (image as HTMLImageElement).naturalWidth)).toBeGreaterThan(0)

    const follower = newOpenid()
    await mockWechat.putUser(follower, { nickname: '老粉丝', subscribe: 1 })
    await context.clearCookies()
    await actAs(context, follower)
    await page.goto('/profile')
    await page.getByRole('button', { name: '允许' }).click()
    await registerAccount(page)
    await expect(page.getByText('老粉丝')).toBeVisible()
    await expect(page.getByText(`关注「${SHOP_NAME}」公众号`)).toHaveCount(0)
  })
})

test('should never load the JS-SDK outside WeChat', async ({ page }, info) => {
  test.skip(info.project.name !== 'browser', 'the plain browser profile')
  const signed = trackSignedUrls(page)
  await page.goto('/')
  await expect(page.getByRole('tab', { name: '全部' })).toBeVisible()
  await page.waitForLoadState('networkidle')
  expect(await page.evaluate(() => 'WeixinJSBridge' in window)).toBe(false)
  expect(signed).toEqual([])
})
