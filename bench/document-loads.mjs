// `pnpm bench:loads`: main-frame document loads per login and pay scenario, in both WeChat profiles.
// Runs the login and pay e2e specs (they count documents with e2e/support/documents.ts and record the
// counts as `document-loads` annotations) and prints them side by side. Builds first unless --no-build.
import { execFileSync, spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { root } from '../scripts/lib.mjs'

if (!process.argv.includes('--no-build'))
  execFileSync('pnpm', ['run', 'build:e2e'], { cwd: root, stdio: 'inherit' })

const report = join(mkdtempSync(join(tmpdir(), 'wxshop-loads-')), 'report.json')
const run = spawnSync('pnpm', [
  '--filter', '@wxshop/e2e', 'exec', 'playwright', 'test',
  'tests/wechat-login.spec.ts', 'tests/hash-mode.spec.ts', 'tests/pay.spec.ts',
  '--project', 'wechat-ios', '--project', 'wechat-android', '--reporter=json',
], { cwd: root, env: { ...process.env, PLAYWRIGHT_JSON_OUTPUT_NAME: report }, stdio: ['ignore', 'ignore', 'inherit'] })

const rows = new Map()
function visit(suite) {
  for (const spec of suite.specs ?? []) {
    for (const test of spec.tests) {
      const result = test.results.at(-1)
      for (const note of test.annotations.concat(result?.annotations ?? [])) {
        if (note.type !== 'document-loads')
          continue
        const [scenario, counts] = note.description.split(': ')
        const row = rows.get(scenario) ?? {}
        row[test.projectName] = `${counts}${result?.status === 'passed' ? '' : ' (test failed)'}`
        rows.set(scenario, row)
      }
    }
  }
  for (const child of suite.suites ?? []) visit(child)
}
for (const suite of JSON.parse(readFileSync(report, 'utf8')).suites) visit(suite)

console.log('\n| scenario | wechat-ios | wechat-android |')
console.log('| --- | --- | --- |')
for (const [scenario, row] of rows)
  console.log(`| ${scenario} | ${row['wechat-ios'] ?? '–'} | ${row['wechat-android'] ?? '–'} |`)
process.exitCode = run.status ?? 1
