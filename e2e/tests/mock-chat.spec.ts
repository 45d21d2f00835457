import { mkdirSync } from 'node:fs'
import { expect, test } from '../support/fixtures'
import { MOCK_URL } from '../support/servers'

// The mock's chat page for people on `pnpm dev`, against the running API: a new WeChat user follows
// the account, asks for help and names a product, and sees the replies as WeChat draws them.

test.beforeEach(({ browserName: _ }, info) => {
  test.skip(info.project.name !== 'wechat-android', 'the mock\'s own page: one profile is enough')
})

test('should show the API\'s replies as WeChat bubbles and a news card when a user follows and types 帮助 and 蓝莓', async ({ page }) => {
  await page.goto(`${MOCK_URL}/chat`)
  // a new persona, remembered by this browser: the page settles on ?openid=
  await expect(page).toHaveURL(/\/chat\?openid=[\w-]+$/)
  await expect(page.locator('#account-name')).toHaveText('微选好物')
  await expect(page.locator('#who')).toContainText('当前用户')
  // not following yet: WeChat offers only 关注
  await expect(page.locator('#text')).toBeHidden()
  await page.getByRole('button', { name: '关注公众号' }).click()
  // the welcome card
  await expect(page.locator('.card')).toHaveCount(1)

  await page.locator('#text').fill('帮助')
  await page.getByRole('button', { name: '发送' }).click()
  await expect(page.locator('.row_me .bubble').last()).toHaveText('帮助')
  await expect(page.locator('.row:not(.row_me) .bubble').last()).toContainText('商品名称')

  await page.locator('#text').fill('蓝莓')
  await page.locator('#text').press('Enter')
  const card = page.locator('.card').nth(1)
  await expect(card.locator('.card__title')).toContainText('蓝莓')
  await expect(card.locator('a').first()).toHaveAttribute('href', /\/product\/\d+$/)
  await expect(page.locator('.system')).toHaveCount(0)

  mkdirSync('.artifacts', { recursive: true })
  await page.screenshot({ path: '.artifacts/mock-chat.png' })
})
