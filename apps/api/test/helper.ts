import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { FastifyServerOptions } from 'fastify'
import { buildApp, type App } from '../src/app'
import { loadConfig } from '../src/config'
import type { BackoffOptions } from '../src/wechat/backoff'
import type { WechatMessageOptions } from '../src/wechat/message/options'
import { afterAll, beforeAll, beforeEach } from 'vitest'
import { sharedMockWechat, TEST_PUBLIC_URL, type MockWechatServer } from './mock-wechat'

/** WeChat's retries without the waits, so a test of -1 or a timeout does not take seconds. */
export const INSTANT_BACKOFF: BackoffOptions = { retries: 3, baseDelayMs: 0, sleep: async () => {} }

export const TEST_SESSION_SECRET = 'test-session-secret-0123456789abcdef'
export const INDEX_HTML = '<!doctype html><html><head><title>wxshop test</title></head><body><div id="app"></div></body></html>'
/**
 * index.html as the app serves it: in mock mode with the mock WeChat's bridge script before </head>
 * (plugins/mock-bridge.ts), in live mode as built.
 */
export function servedIndexHtml(app: App, html = INDEX_HTML): string {
  const { wechat } = app.config
  return wechat.mode === 'mock' ? html.replace('</head>', `<script src="${wechat.openBase}/bridge.js"></script></head>`) : html
}
export const ASSET_JS = 'console.log("hashed asset")'
/** Live mode (real WeChat credentials' shape): outside WeChat's browser nothing redirects to WeChat. */
export const LIVE_ENV = { WECHAT_APPID: 'wx0123456789abcdef', WECHAT_APPSECRET: '0123456789abcdef0123456789abcdef' }

export interface BuildOptions {
  /** Environment on top of the test defaults (temp SQLite file, fixed session secret, fake web build). */
  env?: Record<string, string | undefined>
  /** 'built' (default) writes a fake web build; 'missing' points WEB_DIST_DIR at an empty place. */
  web?: 'built' | 'missing'
  /** index.html of the fake web build (default INDEX_HTML). */
  indexHtml?: string
  /** Use this directory's test.db instead of a fresh temp directory, e.g. to restart on the same data. */
  dir?: string
  logger?: FastifyServerOptions['logger']
  /** Point WECHAT_OPEN_BASE / WECHAT_API_BASE / WECHAT_PAY_BASE at this running mock, with PUBLIC_URL on its OAuth domain. */
  mock?: MockWechatServer
  /** WeChat call timeout, so a timeout test need not wait 5 s. */
  wechatTimeoutMs?: number
  /** How WeChat's -1 and timeouts are retried; defaults to 3 retries without waiting (INSTANT_BACKOFF). */
  wechatBackoff?: BackoffOptions
  /** The message push endpoint's deadline and handler wrapper (BuildAppOptions.wechatMessage). */
  wechatMessage?: WechatMessageOptions
  /** Runs before `ready()`: a test adds its own routes or hooks here. */
  setup?: (app: App) => void
}

/** A fresh directory under the OS temp dir; the caller removes it (see `removeDir`). */
export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'wxshop-api-test-'))
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true })
}

/**
 * The app on a real SQLite file in a temp directory, ready for `app.inject`. Closing the app
 * removes the directory, unless the caller passed its own `dir`.
 */
export async function build(options: BuildOptions = {}): Promise<App> {
  const dir = options.dir ?? tempDir()
  const webDir = join(dir, options.web === 'missing' ? 'no-web-build' : 'web')
  if (options.web !== 'missing')
    writeFakeWebBuild(webDir, options.indexHtml)
  const config = loadConfig({
    DATABASE_URL: `file:${join(dir, 'test.db')}`,
    SESSION_SECRET: TEST_SESSION_SECRET,
    WEB_DIST_DIR: webDir,
    ...(options.mock ? { PUBLIC_URL: TEST_PUBLIC_URL, WECHAT_OPEN_BASE: options.mock.url, WECHAT_API_BASE: options.mock.url, WECHAT_PAY_BASE: options.mock.url } : {}),
    ...options.env,
  })
  const app = buildApp(config, { logger: options.logger, wechatTimeoutMs: options.wechatTimeoutMs, wechatBackoff: options.wechatBackoff ?? INSTANT_BACKOFF, wechatMessage: options.wechatMessage, paySweepIntervalMs: 0 })
  options.setup?.(app)
  if (options.dir === undefined) {
    // Registered before any plugin, so it runs after the database plugin's own onClose.
    app.addHook('onClose', async () => removeDir(dir))
  }
  await app.ready()
  return app
}

/** What `vite build` leaves in apps/web/dist, in miniature. */
function writeFakeWebBuild(dir: string, indexHtml = INDEX_HTML): void {
  mkdirSync(join(dir, 'assets'), { recursive: true })
  mkdirSync(join(dir, 'images', 'products'), { recursive: true })
  writeFileSync(join(dir, 'index.html'), indexHtml)
  writeFileSync(join(dir, 'assets', 'index-B1a2c3d4.js'), ASSET_JS)
  writeFileSync(join(dir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>')
  writeFileSync(join(dir, 'images', 'products', 'apple-1.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>')
}

export interface AppWithMockWechat {
  app: App
  mock: MockWechatServer
}

/**
 * For a describe block: the app wired to the run's mock WeChat (a real process, see global-setup.ts),
 * built before its tests and closed after them, with the mock reset before each test so no user,
 * next-login or fault from an earlier test or file is left. Read `stack.app` / `stack.mock` inside
 * tests (they are set in beforeAll).
 */
export function useAppWithMockWechat(options: Omit<BuildOptions, 'mock'> = {}): AppWithMockWechat {
  const stack = {} as AppWithMockWechat
  beforeAll(async () => {
    stack.mock = sharedMockWechat()
    stack.app = await build({ ...options, mock: stack.mock })
  })
  beforeEach(async () => {
    await stack.mock.control('POST', '/reset')
  })
  afterAll(async () => {
    await stack.app?.close()
  })
  return stack
}
