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

function startServer(env: Record<string, string>, whileRunning?: (port: string) => Promise<void>): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
      cwd: apiDir,
      // Only what the test sets: no DATABASE_URL or PORT leaking in from the developer's shell.
      env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'warn', SESSION_SECRET: TEST_SESSION_SECRET, WEB_DIST_DIR: join(dir, 'no-web'), ...env },
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk) => {
      stdout += chunk
    })
    child.stderr.on('data', (chunk) => {
      stderr += chunk
    })
    child.on('error', reject)
    child.on('exit', code => resolve({ code, stdout, stderr }))
    if (whileRunning)
      waitForHealth(env.PORT!).then(() => whileRunning(env.PORT!)).finally(() => child.kill('SIGTERM')).catch(reject)
  })
}

async function waitForHealth(port: string): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt++) {
    const ok = await fetch(`http://127.0.0.1:${port}/api/health`).then(r => r.ok, () => false)
    if (ok)
      return
    await new Promise(resolve => setTimeout(resolve, 100))
  }
  throw new Error('server did not answer /api/health')
}

function freePort(): Promise<string> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number }
      server.close(() => resolve(String(port)))
    })
  })
}

describe.concurrent('server.ts', { timeout: 30_000 }, () => {
  it('should print one line naming the variable and exit 1 when the config is invalid', async () => {
    const run = await startServer({ PORT: 'abc' })
    expect(run.code).toBe(1)
    expect(run.stderr).toBe('wxshop api cannot start: PORT must be an integer 1-65535, got "abc"\n')
  })

  it('should print one line naming DATABASE_URL and exit 1 when the database cannot be opened', async () => {
    const file = join(dir, 'a-file')
    writeFileSync(file, '')
    const run = await startServer({ DATABASE_URL: `file:${file}/shop.db` })
    expect(run.code).toBe(1)
    expect(run.stderr).toMatch(/^wxshop api cannot start: DATABASE_URL: cannot create the directory .*a-file for the SQLite file \(it or a parent is a file, not a directory\)\n$/)
  })

  it('should print one line naming PORT and exit 1 when the port is taken', async () => {
    const port = await freePort()
    const blocker = createServer().listen(Number(port), '127.0.0.1')
    try {
      const run = await startServer({ PORT: port, DATABASE_URL: `file:${join(dir, 'taken.db')}` })
      expect(run.code).toBe(1)
      expect(run.stderr).toBe(`wxshop api cannot start: PORT ${port} is already in use on 127.0.0.1\n`)
    } finally {
      blocker.close()
    }
  })

  it('should serve /api/health and close cleanly when it receives SIGTERM', async () => {
    const port = await freePort()
    let health: unknown
    const run = await startServer({ PORT: port, DATABASE_URL: `file:${join(dir, 'ok.db')}` }, async () => {
      health = await (await fetch(`http://127.0.0.1:${port}/api/health`)).json()
    })
    expect(health).toMatchObject({ status: 'ok', database: 'ok' })
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
  })
})
