// Steps several specs share, written as a shopper would do them.
import { randomInt } from 'node:crypto'
import { expect, type Page } from '@playwright/test'

/** A phone number nobody in this run has registered yet. */
export function newPhone(): string {
  return `139${String(randomInt(0, 1e8)).padStart(8, '0')}`
}

export const PASSWORD = 'wxshop2026'

/** On /login: register a new shop account, which binds the WeChat identity to it. */
export async function registerAccount(page: Page, phone = newPhone()): Promise<string> {
  await page.getByRole('tab', { name: '注册' }).click()
  await page.getByLabel('手机号').fill(phone)
  await page.getByLabel('密码', { exact: true }).fill(PASSWORD)
  await page.getByRole('button', { name: '注册', exact: true }).click()
  return phone
}

/** The page shows a product's detail and its add-to-cart action. */
export async function expectProductPage(page: Page): Promise<void> {
  await expect(page.getByRole('button', { name: '加入购物车' })).toBeVisible()
}

/** The address bar carries no OAuth leftovers. */
export function expectCleanAddress(page: Page): void {
  const url = new URL(page.url())
  expect(url.searchParams.has('code'), `code still in ${url}`).toBe(false)
  expect(url.searchParams.has('state'), `state still in ${url}`).toBe(false)
}
