import { spawn, type ChildProcessByStdio } from 'node:child_process'
import type { Readable, Writable } from 'node:stream'
import { fileURLToPath } from 'node:url'

export interface ChildResult {
  code: number | null
  applied: string[]
  seeded: boolean | null
  stderr: string
}

const SCRIPT = fileURLToPath(new URL('./open-database-child.ts', import.meta.url))
const API_DIR = fileURLToPath(new URL('../..', import.meta.url))

/**
 * Runs migrate + seed in separate Node processes, as several API instances starting together
 * would (SQLite's locks and PostgreSQL's advisory locks only mean something between processes or
 * connections). Each child connects, says "ready" and waits; once all are ready they are told "go"
 * at the same moment, so their start-ups really overlap instead of depending on spawn timing.
 */
export async function openInChildren(databaseUrl: string, count: number): Promise<ChildResult[]> {
  const children = Array.from({ length: count }, () => start(databaseUrl))
  await Promise.all(children.map(child => child.ready))
  for (const child of children)
    child.process.stdin.end('go\n')
  return Promise.all(children.map(child => child.done))
}

function start(databaseUrl: string) {
  const child: ChildProcessByStdio<Writable, Readable, Readable> = spawn(process.execPath, ['--import', 'tsx', SCRIPT, databaseUrl], { cwd: API_DIR, stdio: ['pipe', 'pipe', 'pipe'] })
  let stdout = ''
  let stderr = ''
  let markReady: () => void
  const ready = new Promise<void>(resolve => (markReady = resolve))
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString()
    if (stdout.startsWith('ready\n'))
      markReady()
  })
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  const done = new Promise<ChildResult>((resolve, reject) => {
    child.on('error', reject)
    child.on('close', (code) => {
      markReady() // a child that died early must not hang the others
      const report = stdout.split('\n')[1]?.trim()
      const parsed = report ? JSON.parse(report) as { applied: string[], seeded: boolean } : { applied: [], seeded: null }
      resolve({ code, ...parsed, stderr })
    })
  })
  return { process: child, ready, done }
}
