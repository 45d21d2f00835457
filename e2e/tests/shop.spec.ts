import type { Page } from '@playwright/test'
import { expect, test } from '../support/fixtures'

// The seed catalog (apps/api/src/db/seed/catalog-data.ts) is what every fresh e2e database holds.

test('should show the products of a category when its tab is chosen', async ({ page }) => {
  await page.goto('/')
  await expect(page).toHaveTitle(/首页/)
  await page.getByRole('tab', { name: '数码配件' }).click()
  await expect(page.getByRole('link', { name: /充电宝/ })).toBeVisible()
  // a fruit is not a digital accessory
  await expect(page.getByRole('link', { name: /蓝莓/ })).toHaveCount(0)
})

test('should find products by keyword and say so when nothing matches', async ({ page }) => {
  await page.goto('/')
  const search = page.getByRole('searchbox')
  await search.fill('牛肉')
  await search.press('Enter')
  await expect(page.getByRole('link', { name: /牛肉干/ })).toBeVisible()
  await search.fill('不存在的商品名')
  await search.press('Enter')
  await expect(page.getByText(/没有找到/)).toBeVisible()
})

test('should keep a two-item cart with the right total through quantity changes and a reload', async ({ page }) => {
  // open a product from its category and add two of it
  await page.goto('/')
  await page.getByRole('tab', { name: '生鲜水果' }).click()
  await page.getByRole('link', { name: /蓝莓/ }).click()
  await expect(page).toHaveURL(/\/product\/\d+$/)
  const blueberryPrice = await priceOnProductPage(page)
  const stepper = page.getByRole('group', { name: '购买数量' })
  await stepper.getByRole('button', { name: '增加数量' }).click()
  await page.getByRole('button', { name: '加入购物车' }).click()
  await expect(page.getByText('已加入购物车')).toBeVisible()
  await expect(page.getByLabel(/购物车，2 件商品/)).toBeVisible()

  // a second product, once
  await page.goBack()
  await page.getByRole('tab', { name: '零食饮品' }).click()
  await page.getByRole('link', { name: /冷萃咖啡/ }).click()
  const coffeePrice = await priceOnProductPage(page)
  await page.getByRole('button', { name: '加入购物车' }).click()
  await expect(page.getByLabel(/购物车，3 件商品/)).toBeVisible()

  // the cart shows both lines and the total in yuan from fen
  await page.getByLabel(/购物车，3 件商品/).click()
  await expect(page).toHaveURL(/\/cart$/)
  const total = page.getByTestId('cart-total')
  await expect(total).toHaveText(yuan(blueberryPrice * 2 + coffeePrice))

  // one more coffee through the line's stepper
  await page.getByRole('group', { name: /冷萃咖啡.* 数量/ }).getByRole('button', { name: '增加数量' }).click()
  await expect(total).toHaveText(yuan(blueberryPrice * 2 + coffeePrice * 2))

  // a reload keeps the cart
  await page.reload()
  await expect(page.getByTestId('cart-total')).toHaveText(yuan(blueberryPrice * 2 + coffeePrice * 2))
  await expect(page.getByRole('group', { name: /蓝莓.* 数量/ }).getByRole('spinbutton')).toHaveValue('2')
})

test('should load a product directly from a deep link', async ({ page }) => {
  const response = await page.goto('/product/3')
  expect(response?.status()).toBe(200)
  await expect(page).toHaveTitle(/商品详情/)
  await expect(page.getByRole('button', { name: '加入购物车' })).toBeVisible()
  await expect(page.getByTestId('product-price')).toContainText('¥')
})

test('should say a product does not exist for an unknown id', async ({ page }) => {
  await page.goto('/product/999999')
  await expect(page.getByText('商品不存在或已下架')).toBeVisible()
})

test('should show a friendly 404 page for an unknown address', async ({ page }) => {
  await page.goto('/no/such/page')
  await expect(page.getByText('页面走丢了')).toBeVisible()
  await page.getByRole('button', { name: '返回首页' }).click()
  await expect(page).toHaveURL(/\/$/)
})

test('should offer a retry when the API fails and recover when it answers again', async ({ page }) => {
  let failing = true
  await page.route('**/api/products?*', route => failing ? route.fulfill({ status: 500, json: { error: { code: 'INTERNAL', message: 'boom' } } }) : route.fallback())
  await page.goto('/')
  const retry = page.getByRole('button', { name: '重新加载' })
  await expect(retry).toBeVisible()
  failing = false
  await retry.click()
  await expect(page.getByRole('link', { name: /蓝莓/ })).toBeVisible()
})

/** The product page's price in fen, read from its ¥ text. */
async function priceOnProductPage(page: Page): Promise<number> {
  const text = await page.getByTestId('product-price').innerText()
  const match = /(\d+)(?:\s*\.\s*(\d{2}))?/.exec(text.replace(/[¥\s]/g, ' ').replace(/\s+\./, '.'))
  if (!match)
    throw new Error(`no price in "${text}"`)
  return Number(match[1]) * 100 + Number(match[2] ?? 0)
}

function yuan(fen: number): string {
  return `¥${(fen / 100).toFixed(2)}`
}
