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

/**
 * Open-loop load at a steady rate: request i leaves at start + i / rate seconds whether or not the
 * earlier ones were answered, as independent senders do (WeChat Pay notifies as payments happen).
 * autocannon's `overallRate` is not that: each connection sends its share of a second back to back
 * at the start of the second, so "1,000 a second" arrives as one burst of 1,000. Latency is counted
 * from a request's scheduled time, so a server that falls behind is charged for the wait (no
 * coordinated omission). `requests` are `{ method, path, headers, body }`; answers `{ latencies (ms,
 * sorted), statuses, errors, seconds (first send to last answer) }`.
 */
export async function sendPaced(origin, requests, rate, { connections = 50, timeoutMs = 10_000 } = {}) {
  const { Agent, request: httpRequest } = await import('node:http')
  const agent = new Agent({ keepAlive: true, maxSockets: connections })
  const latencies = []
  const statuses = {}
  let errors = 0
  const start = performance.now()
  let lastAnswer = start
  const one = (spec, scheduled) => new Promise((resolve) => {
    const outgoing = httpRequest(`${origin}${spec.path}`, { method: spec.method, headers: spec.headers, agent, timeout: timeoutMs }, (incoming) => {
      incoming.resume()
      incoming.on('end', () => {
        lastAnswer = performance.now()
        latencies.push(lastAnswer - scheduled)
        statuses[incoming.statusCode] = (statuses[incoming.statusCode] ?? 0) + 1
        resolve()
      })
    })
    outgoing.on('timeout', () => outgoing.destroy(new Error('timeout')))
    outgoing.on('error', () => {
      errors++
      resolve()
    })
    outgoing.end(spec.body)
  })
  const pending = []
  let next = 0
  while (next < requests.length) {
    const now = performance.now()
    while (next < requests.length && start + (next * 1000) / rate <= now) {
      pending.push(one(requests[next], start + (next * 1000) / rate))
      next++
    }
    await new Promise(resolve => setTimeout(resolve, 1))
  }
  await Promise.all(pending)
  agent.destroy()
  latencies.sort((a, b) => a - b)
  return { latencies, statuses, errors, seconds: (lastAnswer - start) / 1000 }
}
