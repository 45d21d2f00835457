import { spawn } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
import { removeDir, tempDir, TEST_SESSION_SECRET } from './helper'

// server.ts as a real process: the start-up contract is about exit codes and what lands on stderr.

const apiDir = fileURLToPath(new URL('..', import.meta.url))
const dir = tempDir()
afterAll(() => removeDir(dir))

interface Run { code: number | null, stdout: string, stderr: string }

function startServer(env: Record<string, string>, whileRunning?: (url: string) => Promise<void>): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
      cwd: apiDir,
      // Only what the test sets: no DATABASE_URL or PORT leaking in from the developer's shell or .env.
      env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'warn', SESSION_SECRET: TEST_SESSION_SECRET, WEB_DIST_DIR: join(dir, 'no-web'), ENV_FILE: join(dir, 'no.env'), ...env },
    })
    let stdout = ''
    let stderr = ''
    let listening: ((url: string) => void) | undefined
    const address = new Promise<string>((resolveAddress) => {
      listening = resolveAddress
    })
    child.stdout.on('data', (chunk) => {
      stdout += chunk
      // the ready line names the address the OS gave PORT=0
      const match = /listening on (http:\/\/[\d.]+:\d+)/.exec(stdout)
      if (match?.[1])
        listening?.(match[1])
    })
    child.stderr.on('data', (chunk) => {
      stderr += chunk
    })
    child.on('error', reject)
    child.on('exit', code => resolve({ code, stdout, stderr }))
    if (whileRunning)
      address.then(whileRunning).finally(() => child.kill('SIGTERM')).catch(reject)
  })
}

/** A TCP server on a port the OS picked, kept open: the port stays taken for as long as the test needs. */
function occupyPort(): Promise<{ port: string, close: () => void }> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number }
      resolve({ port: String(port), close: () => server.close() })
    })
  })
}

describe.concurrent('server.ts', { timeout: 30_000 }, () => {
  it('should print one line naming the variable and exit 1 when the config is invalid', async () => {
    const run = await startServer({ PORT: 'abc' })
    expect(run.code).toBe(1)
    expect(run.stderr).toBe('wxshop api cannot start: PORT must be an integer 0-65535, got "abc"\n')
  })

  it('should print one line naming DATABASE_URL and exit 1 when the database cannot be opened', async () => {
    const file = join(dir, 'a-file')
    writeFileSync(file, '')
    const run = await startServer({ DATABASE_URL: `file:${file}/shop.db` })
    expect(run.code).toBe(1)
    expect(run.stderr).toMatch(/^wxshop api cannot start: DATABASE_URL: cannot create the directory .*a-file for the SQLite file \(it or a parent is a file, not a directory\)\n$/)
  })

  it('should print one line naming PORT and exit 1 when the port is taken', async () => {
    const blocker = await occupyPort()
    try {
      const run = await startServer({ PORT: blocker.port, DATABASE_URL: `file:${join(dir, 'taken.db')}` })
      expect(run.code).toBe(1)
      expect(run.stderr).toBe(`wxshop api cannot start: PORT ${blocker.port} is already in use on 127.0.0.1\n`)
    } finally {
      blocker.close()
    }
  })

  it('should serve /api/health, log JSON lines and close cleanly when it receives SIGTERM', async () => {
    let health: unknown
    const run = await startServer({ PORT: '0', LOG_LEVEL: 'info', LOG_FORMAT: 'json', DATABASE_URL: `file:${join(dir, 'ok.db')}` }, async (url) => {
      health = await (await fetch(`${url}/api/health`)).json()
    })
    expect(health).toMatchObject({ status: 'ok', database: 'ok' })
    const lines = run.stdout.trim().split('\n').map(line => JSON.parse(line) as { msg: string })
    expect(lines.map(line => line.msg)).toContainEqual(expect.stringMatching(/^wxshop api ready at http:\/\/localhost:0, listening on http:\/\/127\.0\.0\.1:\d+ \(WeChat mock mode, sqlite\)$/))
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
  })

  it('should log pretty lines, not JSON, when LOG_FORMAT=pretty and stdout is a pipe as under `pnpm dev`', async () => {
    const run = await startServer({ PORT: '0', LOG_LEVEL: 'info', LOG_FORMAT: 'pretty', DATABASE_URL: `file:${join(dir, 'pretty.db')}` }, async () => {})
    const ready = run.stdout.split('\n').find(line => line.includes('wxshop api ready at'))
    expect(ready).toMatch(/^\[\d\d:\d\d:\d\d\] INFO: wxshop api ready at /)
    expect(run.code).toBe(0)
  })

  it('should read PORT from the .env file when the environment lacks it', async () => {
    const envFile = join(dir, 'port.env')
    // a port that is taken: the error then shows the server tried the one from .env
    const blocker = await occupyPort()
    writeFileSync(envFile, `PORT=${blocker.port}\n`)
    try {
      const run = await startServer({ ENV_FILE: envFile, DATABASE_URL: `file:${join(dir, 'env.db')}` })
      expect(run.stderr).toBe(`wxshop api cannot start: PORT ${blocker.port} is already in use on 127.0.0.1\n`)
    } finally {
      blocker.close()
    }
  })
})
