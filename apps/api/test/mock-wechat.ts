import { spawn, type ChildProcess } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { inject } from 'vitest'

// The real mock WeChat, run as its own process on a port the OS picks (it listens on 0 and prints the
// address) and reached over HTTP only, exactly as the API reaches it in mock mode (apps/* never
// import packages/mock-wechat, tests included). One process serves the whole run: global-setup.ts
// starts it and hands its URL to every test file through `provide` / `inject`.

declare module 'vitest' {
  interface ProvidedContext {
    /** The run's mock WeChat, started by test/global-setup.ts. */
    mockWechatUrl: string
  }
}

/** The shop's public origin in tests; the mock's 网页授权域名 is its hostname. */
export const TEST_PUBLIC_URL = 'http://localhost:3000'

const MOCK_PACKAGE = fileURLToPath(new URL('../../../packages/mock-wechat', import.meta.url))
const STARTUP_TIMEOUT_MS = 20_000

export interface MockWechatServer {
  /** http://127.0.0.1:<port> */
  url: string
  /** Calls the control API (`/__control/...`) and answers its JSON. */
  control: <T = unknown>(method: 'GET' | 'POST' | 'PUT', path: string, body?: unknown) => Promise<T>
  close: () => Promise<void>
}

/** Starts a mock WeChat process; the run's one is started by global-setup.ts, see `sharedMockWechat`. */
export async function startMockWechat(env: Record<string, string> = {}): Promise<MockWechatServer> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    cwd: MOCK_PACKAGE,
    env: { ...process.env, MOCK_WECHAT_PORT: '0', PUBLIC_URL: TEST_PUBLIC_URL, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const url = await readAddress(child)
  return { ...mockWechatAt(url), close: () => stop(child) }
}

/**
 * The run's one mock WeChat. Its state (users, next-login, faults, codes) is shared by every test
 * file, which is why the api project runs its files one at a time (vitest.config.ts); a test that
 * needs a clean mock resets it in beforeEach (useAppWithMockWechat does). Closing it is the global
 * setup's job, so `close` does nothing here.
 */
export function sharedMockWechat(): MockWechatServer {
  return { ...mockWechatAt(inject('mockWechatUrl')), close: async () => {} }
}

function mockWechatAt(url: string): Omit<MockWechatServer, 'close'> {
  return {
    url,
    async control<T>(method: 'GET' | 'POST' | 'PUT', path: string, body?: unknown): Promise<T> {
      // the mock refuses control POST/PUT bodies that are not JSON, an empty one included
      const response = await fetch(`${url}/__control${path}`, {
        method,
        headers: method === 'GET' ? {} : { 'content-type': 'application/json' },
        body: method === 'GET' ? undefined : JSON.stringify(body ?? {}),
      })
      if (!response.ok)
        throw new Error(`mock control ${method} ${path} answered ${response.status}: ${await response.text()}`)
      return response.json() as Promise<T>
    },
  }
}

/** Waits for the mock's banner (`mock WeChat on http://127.0.0.1:PORT …`) and answers the address. */
function readAddress(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = ''
    const timer = setTimeout(() => fail(new Error(`mock WeChat did not start within ${STARTUP_TIMEOUT_MS} ms:\n${output}`)), STARTUP_TIMEOUT_MS)
    function fail(error: Error) {
      clearTimeout(timer)
      child.kill('SIGKILL')
      reject(error)
    }
    const collect = (chunk: Buffer) => {
      output += chunk.toString()
      const match = /mock WeChat on (http:\/\/127\.0\.0\.1:\d+)/.exec(output)
      if (match?.[1]) {
        clearTimeout(timer)
        resolve(match[1])
      }
    }
    child.stdout?.on('data', collect)
    child.stderr?.on('data', collect)
    child.once('exit', code => fail(new Error(`mock WeChat exited (${code}) before it listened:\n${output}`)))
  })
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null)
    return Promise.resolve()
  return new Promise((resolve) => {
    child.once('exit', () => resolve())
    child.kill('SIGTERM')
  })
}
