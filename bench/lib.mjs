// Helpers the load benchmarks share. Plain Node, no dependencies.
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { createServer } from 'node:net'

/** A port the OS says is free on 127.0.0.1. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer().once('error', reject).listen(0, '127.0.0.1', () => {
      const { port } = server.address()
      server.close(() => resolve(port))
    })
  })
}

/**
 * Pins this process (the load generator) to core 1 so the server under test can have core 0, as the
 * message-push harness does; false where taskset is missing (the figures then share both cores).
 */
export function pinLoadToCore1() {
  try {
    execFileSync('taskset', ['-cp', '1', String(process.pid)], { stdio: 'ignore' })
    return true
  } catch {
    return false
  }
}

const CLK_TCK = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100

/**
 * CPU seconds (user + system) process `pid` has used so far, from /proc: what a request costs the
 * server, which, unlike req/s, does not move when other work on the machine takes the CPU a while.
 */
export function cpuSeconds(pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ')
  // fields 14 and 15 of stat(5), counted from the state field (3)
  return (Number(fields[11]) + Number(fields[12])) / CLK_TCK
}
