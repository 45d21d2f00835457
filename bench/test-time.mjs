// `pnpm bench:test-time -- --base <ref>`: the wall time of `pnpm test` on an earlier commit beside
// this working tree, in one run on one machine, so the two figures see the same load.
// The base is checked out as a detached worktree in the temp folder and installed offline from the
// pnpm store when it can be (the network otherwise). Each side's suite totals come from its own
// `.cache/test-reports/totals.txt`; per-step times are read off the `▶ step` lines as they stream.
import { spawn, execFileSync } from 'node:child_process'
import { existsSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { root } from '../scripts/lib.mjs'

const args = process.argv.slice(2)
const baseAt = args.indexOf('--base')
const base = baseAt === -1 ? undefined : args[baseAt + 1]
if (!base) {
  console.error('usage: pnpm bench:test-time -- --base <git ref>   (e.g. the commit before a change)')
  process.exit(2)
}

const sha = execFileSync('git', ['rev-parse', '--short', base], { cwd: root, encoding: 'utf8' }).trim()
// Outside the repository, so this tree's lint and test globs never reach the base's files.
const baseDir = join(tmpdir(), `wxshop-bench-base-${sha}`)

function sh(command, commandArgs, cwd) {
  execFileSync(command, commandArgs, { cwd, stdio: 'inherit' })
}

if (!existsSync(baseDir)) {
  sh('git', ['worktree', 'add', '--detach', baseDir, sha], root)
}
try {
  sh('pnpm', ['install', '--frozen-lockfile', '--offline'], baseDir)
} catch {
  sh('pnpm', ['install', '--frozen-lockfile'], baseDir)
}

/** Runs `pnpm test` in `cwd`; resolves to its wall time, per-step times and totals line. */
function timeTests(cwd) {
  return new Promise((resolve) => {
    const started = performance.now()
    const steps = []
    let current
    const child = spawn('pnpm', ['test'], { cwd, env: { ...process.env, FORCE_COLOR: '0' }, stdio: ['ignore', 'pipe', 'inherit'] })
    let pending = ''
    child.stdout.on('data', (chunk) => {
      process.stdout.write(chunk)
      pending += chunk.toString()
      const lines = pending.split('\n')
      pending = lines.pop() ?? ''
      for (const line of lines) {
        const step = /^▶ (.+)$/.exec(line)
        if (!step)
          continue
        const now = performance.now()
        if (current)
          current.seconds = (now - current.at) / 1000
        // the Node version in a step's name differs between commits, not the step
        current = { name: step[1].replace(/, node [\d.]+\)/, ')'), at: now }
        steps.push(current)
      }
    })
    child.on('exit', (code) => {
      const end = performance.now()
      if (current)
        current.seconds = (end - current.at) / 1000
      const totalsFile = join(cwd, '.cache/test-reports/totals.txt')
      const totals = existsSync(totalsFile) ? readFileSync(totalsFile, 'utf8').trim() : `no totals (exit ${code})`
      resolve({ seconds: (end - started) / 1000, steps, totals })
    })
  })
}

console.log(`\n### pnpm test at ${sha} (base)\n`)
const before = await timeTests(baseDir)
console.log('\n### pnpm test in the working tree\n')
const after = await timeTests(root)

const names = [...new Set([...before.steps, ...after.steps].map(step => step.name))]
const secondsOf = (run, name) => {
  const step = run.steps.find(s => s.name === name)
  return step ? `${step.seconds.toFixed(1)} s` : '–'
}
console.log(`\n| step | base ${sha} | working tree |`)
console.log('| --- | ---: | ---: |')
for (const name of names)
  console.log(`| ${name} | ${secondsOf(before, name)} | ${secondsOf(after, name)} |`)
console.log(`| **pnpm test, wall** | **${before.seconds.toFixed(1)} s** | **${after.seconds.toFixed(1)} s** |`)
console.log(`| totals | ${before.totals} | ${after.totals} |`)

if (args.includes('--clean')) {
  sh('git', ['worktree', 'remove', '--force', baseDir], root)
  rmSync(baseDir, { recursive: true, force: true })
}
