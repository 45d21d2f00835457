// A Node 24 binary for the second vitest pass of `pnpm test` (Node 24 LTS is the target runtime;
// the machine's own node, 20.19+, runs everything else). The npm package `node@24` carries a real
// binary, installed into .cache/node24 and never onto PATH: the machine's node is left alone.
// `node scripts/node24.mjs` provisions it and prints its path.
import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { root } from './lib.mjs'

export const NODE24_DIR = join(root, '.cache/node24')
export const NODE24_BIN = join(NODE24_DIR, 'node_modules/node/bin/node')
const INSTALL_TIMEOUT_MS = 5 * 60_000

/** True when this run should provision Node 24: on CI, or when WXSHOP_NODE24=1 asks for it. */
export function node24Wanted(env = process.env) {
  if (env.WXSHOP_NODE24 === '0')
    return false
  return env.WXSHOP_NODE24 === '1' || env.CI === 'true' || env.CI === '1'
}

function versionOf(bin) {
  try {
    return execFileSync(bin, ['--version'], { encoding: 'utf8', timeout: 10_000 }).trim()
  } catch {
    return undefined
  }
}

/**
 * The Node 24 binary to run vitest with a second time: `{ bin, version }` when one is provisioned
 * (or could be now, when wanted), `{ skipped }` when none is wanted, `{ error }` when it was wanted
 * and could not be had.
 */
export function findNode24(env = process.env) {
  const wanted = node24Wanted(env)
  if (env.WXSHOP_NODE24 === '0')
    return { skipped: 'WXSHOP_NODE24=0' }
  if (!existsSync(NODE24_BIN)) {
    if (!wanted)
      return { skipped: 'set WXSHOP_NODE24=1 to run the unit and API tests on Node 24 too (CI does)' }
    console.error(`[node24] installing node@24 into ${NODE24_DIR} (npm)…`)
    const npm = spawnSync('npm', ['install', '--prefix', NODE24_DIR, '--no-audit', '--no-fund', '--loglevel=error', 'node@24'], {
      stdio: ['ignore', 2, 2],
      timeout: INSTALL_TIMEOUT_MS,
      env,
    })
    if (npm.status !== 0 || !existsSync(NODE24_BIN))
      return { error: `could not install node@24 from the npm registry into ${NODE24_DIR}` }
  }
  const version = versionOf(NODE24_BIN)
  if (!version?.startsWith('v24.'))
    return { error: `${NODE24_BIN} is not Node 24 (${version ?? 'does not run'}); delete ${NODE24_DIR} to reinstall` }
  return { bin: NODE24_BIN, version }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const found = findNode24({ ...process.env, WXSHOP_NODE24: process.env.WXSHOP_NODE24 ?? '1' })
  if (found.bin)
    console.log(found.bin)
  else
    console.error(found.error ?? found.skipped)
  process.exitCode = found.bin ? 0 : 1
}
