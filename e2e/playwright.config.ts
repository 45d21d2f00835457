import { defineConfig, devices } from '@playwright/test'
import { ANDROID_WECHAT_UA, IOS_WECHAT_UA, MOBILE_CHROME_UA } from './support/profiles'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { API_PORT, BASE_URL, HASH_API_PORT, HASH_BASE_URL, MOCK_PORT, RUN_DIR, serverEnv, V2_API_PORT, V2_BASE_URL, V2_PAY_DIRECTORY } from './support/servers'

// `pnpm test` sets CHROMIUM_PATH to the browser scripts/browser.mjs chose (or installed). Run on its
// own: Debian's Chromium when there is one, else Playwright's own browser.
const launchOptions = {
  executablePath: process.env.CHROMIUM_PATH || (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined),
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
}

export default defineConfig({
  testDir: './tests',
  outputDir: './.artifacts/test-results',
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  // one worker: the mock WeChat is one shared phone network, and faults injected for one test
  // (e.g. "the next code exchange fails") must not hit a test running beside it
  workers: 1,
  timeout: 30_000,
  expect: { timeout: 7_000 },
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never', outputFolder: './.artifacts/report' }]],
  use: {
    baseURL: BASE_URL,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    trace: 'on-first-retry',
    screenshot: 'only-on-failure',
    launchOptions,
  },
  projects: [
    { name: 'wechat-ios', use: { ...devices['iPhone 13'], browserName: 'chromium', userAgent: IOS_WECHAT_UA } },
    { name: 'wechat-android', use: { ...devices['Pixel 7'], userAgent: ANDROID_WECHAT_UA } },
    // WeChat login is specified for the WeChat profiles; a plain browser runs the shop specs
    { name: 'browser', use: { ...devices['Pixel 7'], userAgent: MOBILE_CHROME_UA }, testIgnore: ['**/wechat-login.spec.ts', '**/hash-mode.spec.ts'] },
  ],
  webServer: [
    {
      name: 'mock-wechat',
      command: 'node --import tsx src/server.ts',
      cwd: '../packages/mock-wechat',
      url: `http://127.0.0.1:${MOCK_PORT}/__control/calls`,
      env: serverEnv(),
      reuseExistingServer: false,
      timeout: 30_000,
    },
    {
      name: 'api',
      // the built API serving the built SPA, as in production (`pnpm test` builds first)
      command: 'node dist/server.js',
      cwd: '../apps/api',
      url: `http://127.0.0.1:${API_PORT}/api/health`,
      env: serverEnv(),
      reuseExistingServer: false,
      timeout: 30_000,
    },
    {
      name: 'api-hash',
      // the same API serving the hash-mode build, with its own database
      command: 'node dist/server.js',
      cwd: '../apps/api',
      url: `http://127.0.0.1:${HASH_API_PORT}/api/health`,
      env: serverEnv({
        PORT: String(HASH_API_PORT),
        PUBLIC_URL: HASH_BASE_URL,
        WEB_DIST_DIR: '../web/dist-hash',
        DATABASE_URL: `file:${join(RUN_DIR, 'wxshop-hash.db')}`,
      }),
      reuseExistingServer: false,
      timeout: 30_000,
    },
    {
      name: 'api-v2',
      // the same API paying with APIv2 (HMAC-SHA256) under a deeper pay directory, with its own database
      command: 'node dist/server.js',
      cwd: '../apps/api',
      url: `http://127.0.0.1:${V2_API_PORT}/api/health`,
      env: serverEnv({
        PORT: String(V2_API_PORT),
        PUBLIC_URL: V2_BASE_URL,
        DATABASE_URL: `file:${join(RUN_DIR, 'wxshop-v2.db')}`,
        WECHAT_PAY_VERSION: 'v2',
        WECHAT_PAY_SIGN_TYPE: 'HMAC-SHA256',
        WECHAT_PAY_DIRECTORY: V2_PAY_DIRECTORY,
      }),
      reuseExistingServer: false,
      timeout: 30_000,
    },
  ],
})
