import { test as base, expect } from '@playwright/test'
import { mockWechat } from './mock-wechat'

export { expect }

/**
 * Every spec's page: the JS-SDK's report beacons to the real WeChat are blocked (no network here,
 * and a test must never talk to the real platform). And before each test the mock WeChat is reset,
 * so a fault or next-login one test queued and did not spend never reaches the next one.
 * A test fails when the shop's Content-Security-Policy refused anything the page tried to load or
 * run: the policy (apps/api/src/plugins/security-headers.ts) must let every page work.
 */
export const test = base.extend<{ cleanMockWechat: void }>({
  // Playwright reads a fixture's needs from its first parameter, which must be a pattern: none here
  // eslint-disable-next-line no-empty-pattern
  cleanMockWechat: [async ({}, use) => {
    await mockWechat.reset()
    await use()
  }, { auto: true }],
  page: async ({ page }, use) => {
    const refused: string[] = []
    // Chromium reports each CSP refusal on the console ("Refused to load … Content Security Policy")
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text()))
        refused.push(message.text())
    })
    await use(page)
    expect(refused, 'the Content-Security-Policy refused something the page needed').toEqual([])
  },
  context: async ({ context }, use) => {
    await context.route(/^https?:\/\/([a-z0-9-]+\.)*(weixin|qq)\.com\//, route => route.abort())
    await use(context)
  },
})
