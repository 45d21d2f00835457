import { defineConfig } from 'vitest/config'

// One runner for every package's unit and API tests; e2e runs under Playwright instead.
export default defineConfig({
  test: {
    projects: [
      'packages/shared',
      'packages/mock-wechat',
      'apps/api',
      'apps/web',
      // the root scripts (plain Node): browser choice for e2e
      { test: { name: 'scripts', include: ['scripts/test/**/*.test.mjs'] } },
    ],
  },
})
