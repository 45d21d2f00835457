// Where the e2e run's processes listen, and the environment they share. Ports differ from
// `pnpm start` (3000/3100) so a developer's running shop does not get in the way.
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export const API_PORT = Number(process.env.E2E_API_PORT ?? 3300)
export const MOCK_PORT = Number(process.env.E2E_MOCK_PORT ?? 3400)
export const BASE_URL = `http://localhost:${API_PORT}`
export const MOCK_URL = `http://127.0.0.1:${MOCK_PORT}`
/** A second API serving the hash-mode build (`VITE_ROUTER_MODE=hash`, apps/web/dist-hash). */
export const HASH_API_PORT = Number(process.env.E2E_HASH_API_PORT ?? 3301)
export const HASH_BASE_URL = `http://localhost:${HASH_API_PORT}`
/**
 * A third API paying with WeChat Pay APIv2 (HMAC-SHA256) whose registered pay directory is deeper
 * than its root (`/orders/`): the shop must enter its pay page by a full page load on iOS.
 */
export const V2_API_PORT = Number(process.env.E2E_V2_API_PORT ?? 3302)
export const V2_BASE_URL = `http://localhost:${V2_API_PORT}`
export const V2_PAY_DIRECTORY = `${V2_BASE_URL}/orders/`
/** An API a test starts and stops itself (a restart between pay and notify); not a web server of the run. */
export const RESTART_API_PORT = Number(process.env.E2E_RESTART_API_PORT ?? 3303)
export const RESTART_BASE_URL = `http://localhost:${RESTART_API_PORT}`

// One fresh database per run. Set once in the runner's process; workers inherit it.
process.env.WXSHOP_E2E_DIR ??= mkdtempSync(join(tmpdir(), 'wxshop-e2e-'))
export const RUN_DIR = process.env.WXSHOP_E2E_DIR

/** Environment for the API and the mock: the same WeChat settings, as `pnpm start` gives them. */
export function serverEnv(overrides: Record<string, string> = {}): Record<string, string> {
  const inherited = Object.fromEntries(Object.entries(process.env).filter((entry): entry is [string, string] => entry[1] !== undefined))
  return {
    ...inherited,
    WECHAT_MODE: 'mock',
    PORT: String(API_PORT),
    HOST: '127.0.0.1',
    PUBLIC_URL: BASE_URL,
    DATABASE_URL: `file:${join(RUN_DIR, 'wxshop.db')}`,
    MOCK_WECHAT_PORT: String(MOCK_PORT),
    LOG_LEVEL: 'warn',
    // the merchant's JSAPI pay directories: the main shop's and the restarted shop's roots, the v2 shop's /orders/ only
    MOCK_WECHAT_PAY_DIRECTORIES: `${BASE_URL}/,${RESTART_BASE_URL}/,${V2_PAY_DIRECTORY}`,
    // WeChat Pay's notify retries (15 s, 15 s, 30 s, …) a hundred times faster
    MOCK_WECHAT_PAY_NOTIFY_TIME_SCALE: '0.01',
    // hermetic: a developer's .env at the repository root must not reach the e2e servers
    ENV_FILE: join(RUN_DIR, 'no.env'),
    ...overrides,
  }
}
