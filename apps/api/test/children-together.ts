import { spawn, type ChildProcessByStdio } from 'node:child_process'
import type { Readable, Writable } from 'node:stream'
import { fileURLToPath } from 'node:url'

const API_DIR = fileURLToPath(new URL('..', import.meta.url))

export interface ChildOutcome {
  code: number | null
  /** the JSON line the child printed after "ready", or null when it printed none */
  report: unknown
  stderr: string
}

/**
 * Runs `script` (a .ts file, under tsx, from apps/api) in `count` Node processes, as several API
 * instances starting together would: locks only mean something between processes or connections.
 * Each child prints "ready" and waits; once all are ready they are told "go" at the same moment, so
 * their work really overlaps instead of depending on spawn timing. Each then prints one JSON line.
 */
export async function runTogether(script: string, args: string[], count: number): Promise<ChildOutcome[]> {
  const children = Array.from({ length: count }, () => start(script, args))
  await Promise.all(children.map(child => child.ready))
  for (const child of children)
    child.process.stdin.end('go\n')
  return Promise.all(children.map(child => child.done))
}

function start(script: string, args: string[]) {
  const child: ChildProcessByStdio<Writable, Readable, Readable> = spawn(process.execPath, ['--import', 'tsx', script, ...args], { cwd: API_DIR, stdio: ['pipe', 'pipe', 'pipe'] })
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
  const done = new Promise<ChildOutcome>((resolve, reject) => {
    child.on('error', reject)
    child.on('close', (code) => {
      markReady() // a child that died early must not hang the others
      const line = stdout.split('\n')[1]?.trim()
      resolve({ code, report: line ? JSON.parse(line) as unknown : null, stderr })
    })
  })
  return { process: child, ready, done }
}
