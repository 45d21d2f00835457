import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'

/** The mock's Official Account (the API's mock-mode defaults in config.ts). */
export const APP_ID = 'wxa1b2c3d4e5f60718'
export const APP_SECRET = '3b9f0c1e7d2a4f6b8c0d1e2f3a4b5c6d'

const CHILD = fileURLToPath(new URL('./token-child.ts', import.meta.url))
const API_DIR = fileURLToPath(new URL('../..', import.meta.url))

/** Runs the token service in `count` processes that are told "go" together, so their cold starts overlap. */
export async function tokenServiceInChildren(databaseUrl: string, mockUrl: string, count: number): Promise<unknown[]> {
  const children = Array.from({ length: count }, () => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, databaseUrl, mockUrl, APP_ID, APP_SECRET], { cwd: API_DIR, stdio: ['pipe', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    let markReady: () => void = () => {}
    const ready = new Promise<void>(resolve => (markReady = resolve))
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString()
      if (stdout.startsWith('ready\n'))
        markReady()
    })
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    const done = new Promise<unknown>((resolve, reject) => child.on('close', (code) => {
      markReady()
      const line = stdout.split('\n')[1]
      if (code !== 0 || !line)
        reject(new Error(`token child exited ${code}: ${stderr}`))
      else
        resolve(JSON.parse(line))
    }))
    return { child, ready, done }
  })
  await Promise.all(children.map(c => c.ready))
  for (const { child } of children)
    child.stdin.end('go\n')
  return Promise.all(children.map(c => c.done))
}
