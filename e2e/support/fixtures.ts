import { test as base, expect } from '@playwright/test'
import { mockWechat } from './mock-wechat'

export { expect }

/**
 * Every spec's page: the JS-SDK's report beacons to the real WeChat are blocked (no network here,
 * and a test must never talk to the real platform). And before each test the mock WeChat is reset,
 * so a fault or next-login one test queued and did not spend never reaches the next one.
 */
export const test = base.extend<{ cleanMockWechat: void }>({
  // Playwright reads a fixture's needs from its first parameter, which must be a pattern: none here
  // eslint-disable-next-line no-empty-pattern
  cleanMockWechat: [async ({}, use) => {
    await mockWechat.reset()
    await use()
  }, { auto: true }],
  context: async ({ context }, use) => {
    await context.route(/^https?:\/\/([a-z0-9-]+\.)*(weixin|qq)\.com\//, route => route.abort())
    await use(context)
  },
})
