import { test as base, expect } from '@playwright/test'

export { expect }

/**
 * Every spec's page: the JS-SDK's report beacons to the real WeChat are blocked (no network here,
 * and a test must never talk to the real platform).
 */
export const test = base.extend({
  context: async ({ context }, use) => {
    await context.route(/^https?:\/\/([a-z0-9-]+\.)*(weixin|qq)\.com\//, route => route.abort())
    await use(context)
  },
})
