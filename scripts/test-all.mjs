// `pnpm test`: everything CI runs, in order — typecheck, lint, unit and API tests (vitest),
// build, e2e (Playwright) — then one line with the totals of every suite:
//   `N passed, N failed, N skipped`
// A failed typecheck, lint or build counts as one failed check, so the line never hides a failure.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { root, run } from './lib.mjs'

const reports = join(root, '.cache/test-reports')
rmSync(reports, { recursive: true, force: true })
mkdirSync(reports, { recursive: true })

const totals = { passed: 0, failed: 0, skipped: 0 }
const lines = []

async function check(name, command, args, env) {
  console.log(`\n▶ ${name}`)
  const code = await run(command, args, env ? { env: { ...process.env, ...env } } : {})
  totals[code === 0 ? 'passed' : 'failed'] += 1
  lines.push(`${name}: ${code === 0 ? 'ok' : `FAILED (exit ${code})`}`)
  return code === 0
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'))
  } catch {
    return undefined
  }
}

function count(name, passed, failed, skipped, code) {
  // a runner that crashed before writing its report still fails the run
  if (code !== 0 && failed === 0)
    failed = 1
  totals.passed += passed
  totals.failed += failed
  totals.skipped += skipped
  lines.push(`${name}: ${passed} passed, ${failed} failed, ${skipped} skipped`)
}

await check('typecheck', 'pnpm', ['-r', '--parallel', 'run', 'typecheck'])
await check('lint', 'pnpm', ['exec', 'eslint', '--cache', '.'])

console.log('\n▶ unit and API tests (vitest)')
const vitestFile = join(reports, 'vitest.json')
const vitestCode = await run('pnpm', ['exec', 'vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestFile}`])
const vitest = readJson(vitestFile)
count('vitest', vitest?.numPassedTests ?? 0, vitest?.numFailedTests ?? 0, (vitest?.numPendingTests ?? 0) + (vitest?.numTodoTests ?? 0), vitestCode)

if (await check('build', 'pnpm', ['run', 'build:e2e'])) {
  console.log('\n▶ e2e (Playwright)')
  const e2eFile = join(reports, 'playwright.json')
  const e2eCode = await run('pnpm', ['--filter', '@wxshop/e2e', 'exec', 'playwright', 'test', '--reporter=list,json'], {
    env: { ...process.env, PLAYWRIGHT_JSON_OUTPUT_NAME: e2eFile },
  })
  const stats = readJson(e2eFile)?.stats
  count('e2e', (stats?.expected ?? 0) + (stats?.flaky ?? 0), stats?.unexpected ?? 0, stats?.skipped ?? 0, e2eCode)
} else {
  count('e2e', 0, 1, 0, 1)
}

console.log(`\n${lines.join('\n')}`)
const summary = `${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`
writeFileSync(join(reports, 'totals.txt'), `${summary}\n`)
console.log(summary)
process.exitCode = totals.failed === 0 ? 0 : 1
