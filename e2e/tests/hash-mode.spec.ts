import { expect, test } from '../support/fixtures'
import { trackDocuments } from '../support/documents'
import { HASH_BASE_URL } from '../support/servers'
import { expectCleanAddress, expectProductPage, registerAccount } from '../support/shop'

// The hash-mode build (VITE_ROUTER_MODE=hash): WeChat puts `?code&state` before the `#`,
// e.g. http://host/?code=X&state=Y#/product/3, and the server never sees the route.
test.use({ baseURL: HASH_BASE_URL })

test('should sign in silently and land on the deep-linked route in a hash-mode build', async ({ page }, info) => {
  const docs = trackDocuments(page)
  await page.goto('/#/product/3')
  await expectProductPage(page)
  expectCleanAddress(page)
  expect(new URL(page.url()).hash).toBe('#/product/3')
  info.annotations.push({ type: 'document-loads', description: `hash mode, new user, silent: shop ${docs.shop}, wechat ${docs.wechat}` })
  expect((await page.request.get('/api/me')).status()).toBe(200)
})

test('should upgrade to userinfo and bind an account in a hash-mode build', async ({ page }) => {
  await page.goto('/#/profile')
  await page.getByRole('button', { name: '允许' }).click()
  await expect(page).toHaveURL(/#\/login\?redirect=/)
  expectCleanAddress(page)
  await registerAccount(page)
  await expect(page).toHaveURL(/#\/profile$/)
  await expect(page.getByRole('button', { name: '退出登录' })).toBeVisible()
})
