// `pnpm test`: everything CI runs, in order — typecheck, lint, unit and API tests (vitest on this
// node, then again on Node 24 when one is provisioned: see node24.mjs), build, a browser (see
// browser.mjs), e2e (Playwright) — then one line with the totals of every suite:
//   `N passed, N failed, N skipped`
// A failed typecheck, lint, build or set-up counts as one failed check, so the line never hides a
// failure. Typecheck, lint and e2e run once, on the machine's node.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { provideBrowser } from './browser.mjs'
import { root, run } from './lib.mjs'
import { findNode24 } from './node24.mjs'

const reports = join(root, '.cache/test-reports')
rmSync(reports, { recursive: true, force: true })
mkdirSync(reports, { recursive: true })

const totals = { passed: 0, failed: 0, skipped: 0 }
const lines = []
/** Each failed test by name, repeated beside the totals so the tail of a CI log says what broke. */
const failures = []

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

/** One vitest pass with `node`, counted as the suite `name`. */
async function vitest(name, node, file) {
  const entry = join(dirname(createRequire(join(root, 'package.json')).resolve('vitest/package.json')), 'vitest.mjs')
  const code = await run(node, [entry, 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${join(reports, file)}`])
  const report = readJson(join(reports, file))
  count(name, report?.numPassedTests ?? 0, report?.numFailedTests ?? 0, (report?.numPendingTests ?? 0) + (report?.numTodoTests ?? 0), code)
  for (const file of report?.testResults ?? []) {
    const where = file.name.replace(`${root}/`, '')
    for (const test of file.assertionResults ?? []) {
      if (test.status === 'failed')
        failures.push(`${name}: ${where} › ${test.fullName}: ${firstLine(test.failureMessages?.[0])}`)
    }
    // a file that failed to load has no tests to name
    if (file.status === 'failed' && !file.assertionResults?.some(test => test.status === 'failed'))
      failures.push(`${name}: ${where}: ${firstLine(file.message)}`)
  }
}

function firstLine(text) {
  return (text ?? '').split('\n').find(line => line.trim())?.trim().slice(0, 300) ?? ''
}

/** Playwright's JSON report: every test whose final outcome was unexpected. */
function playwrightFailures(suites, titles = []) {
  for (const suite of suites ?? []) {
    const path = suite.title ? [...titles, suite.title] : titles
    for (const spec of suite.specs ?? []) {
      for (const test of spec.tests ?? []) {
        if (test.status === 'unexpected') {
          const error = test.results?.at(-1)?.error?.message
          failures.push(`e2e [${test.projectName}]: ${[...path, spec.title].join(' › ')}: ${firstLine(error)}`)
        }
      }
    }
    playwrightFailures(suite.suites, path)
  }
}

console.log(`\n▶ unit and API tests (vitest, node ${process.versions.node})`)
await vitest('vitest', process.execPath, 'vitest.json')

const node24 = findNode24()
if (node24.bin) {
  console.log(`\n▶ unit and API tests again on Node 24 (vitest, node ${node24.version.slice(1)})`)
  await vitest('vitest (node 24)', node24.bin, 'vitest-node24.json')
} else if (node24.error) {
  console.error(node24.error)
  count('vitest (node 24)', 0, 1, 0, 1)
} else {
  console.log(`\n(vitest on Node 24 skipped: ${node24.skipped})`)
}

const built = await check('build', 'pnpm', ['run', 'build:e2e'])
console.log('\n▶ browser for e2e')
const browser = await provideBrowser()
if (built && browser.path) {
  console.log('\n▶ e2e (Playwright)')
  const e2eFile = join(reports, 'playwright.json')
  const e2eCode = await run('pnpm', ['--filter', '@wxshop/e2e', 'exec', 'playwright', 'test', '--reporter=list,json'], {
    env: { ...process.env, CHROMIUM_PATH: browser.path, PLAYWRIGHT_JSON_OUTPUT_NAME: e2eFile },
  })
  const e2eReport = readJson(e2eFile)
  const stats = e2eReport?.stats
  playwrightFailures(e2eReport?.suites)
  count('e2e', (stats?.expected ?? 0) + (stats?.flaky ?? 0), stats?.unexpected ?? 0, stats?.skipped ?? 0, e2eCode)
} else {
  totals.failed += 1
  lines.push(`e2e: not run (${built ? browser.error : 'the build failed'})`)
}

if (failures.length > 0)
  console.log(`\nfailed:\n${failures.map(line => `  ${line}`).join('\n')}`)
console.log(`\n${lines.join('\n')}`)
const summary = `${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`
writeFileSync(join(reports, 'totals.txt'), `${summary}\n`)
console.log(summary)
process.exitCode = totals.failed === 0 ? 0 : 1
