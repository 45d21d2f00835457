// Finds the Chromium the e2e tests drive, or installs one. Used by `pnpm test` (test-all.mjs) and
// CI (.ci/run); `node scripts/browser.mjs` prints the chosen path on stdout, the story on stderr.
// Order: CHROMIUM_PATH; a Chromium or Chrome on the system; Playwright's own browser; else install
// with `playwright install chromium` (a laptop's way) and, where that cannot download and the machine
// is Debian or Ubuntu and we are root, `apt-get install -y chromium`.
import { spawn } from 'node:child_process'
import { accessSync, constants, readFileSync, statSync } from 'node:fs'
import { createRequire } from 'node:module'
import { delimiter, join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { root } from './lib.mjs'

/** Where system packages put Chromium or Chrome, most specific first. */
export const SYSTEM_PATHS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
]
/** The same browsers by command name, looked up on PATH. */
export const SYSTEM_COMMANDS = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable']

/** The one line shown when nothing works. */
export const INSTALL_HINT = 'no browser for the e2e tests: install Chromium (Debian/Ubuntu: `sudo apt-get install chromium`; elsewhere: `pnpm --filter @wxshop/e2e exec playwright install chromium`) or set CHROMIUM_PATH to a Chromium or Chrome binary'

// A blocked CDN fails in seconds, but a stalled one must not hold the test run: bounded both ways.
const PLAYWRIGHT_INSTALL_TIMEOUT_MS = 10 * 60_000
const PLAYWRIGHT_CONNECTION_TIMEOUT_MS = 20_000
const APT_TIMEOUT_MS = 10 * 60_000

/**
 * Chooses a browser. Every probe of the machine comes in `probes`, so the order can be tested
 * without touching it. Answers `{ path, source }`, or `{ error }` with the one line to show.
 */
export async function chooseBrowser(probes) {
  const { env, isExecutable, which, playwrightPath, installWithPlaywright, canUseApt, installWithApt, log } = probes
  if (env.CHROMIUM_PATH) {
    // an explicit choice that does not work is an error, not a reason to pick something else
    if (isExecutable(env.CHROMIUM_PATH))
      return { path: env.CHROMIUM_PATH, source: 'CHROMIUM_PATH' }
    return { error: `CHROMIUM_PATH=${env.CHROMIUM_PATH} is not an executable file; ${INSTALL_HINT}` }
  }
  const system = () => SYSTEM_PATHS.find(isExecutable) ?? SYSTEM_COMMANDS.map(which).find(Boolean)
  const playwrights = () => {
    const path = playwrightPath()
    return path && isExecutable(path) ? path : undefined
  }

  let path = system()
  if (path)
    return { path, source: 'system' }
  path = playwrights()
  if (path)
    return { path, source: 'playwright' }

  log('no Chromium found: trying `playwright install chromium`…')
  if (await installWithPlaywright()) {
    path = playwrights()
    if (path)
      return { path, source: 'playwright install' }
  }
  if (canUseApt()) {
    log('Playwright could not install it: trying `apt-get install -y chromium`…')
    if (await installWithApt()) {
      path = system()
      if (path)
        return { path, source: 'apt-get' }
    }
  }
  return { error: INSTALL_HINT }
}

/** The probes of this machine. */
export function machineProbes(env = process.env, log = message => console.error(`[browser] ${message}`)) {
  const e2eRequire = createRequire(join(root, 'e2e/package.json'))
  return {
    env,
    log,
    isExecutable,
    which: name => which(name, env),
    playwrightPath() {
      try {
        return e2eRequire('@playwright/test').chromium.executablePath()
      } catch {
        return undefined // e2e dependencies not installed
      }
    },
    async installWithPlaywright() {
      let cli
      try {
        cli = e2eRequire.resolve('@playwright/test/cli')
      } catch {
        return false
      }
      return await runBounded(process.execPath, [cli, 'install', 'chromium'], PLAYWRIGHT_INSTALL_TIMEOUT_MS, {
        ...env,
        PLAYWRIGHT_DOWNLOAD_CONNECTION_TIMEOUT: String(PLAYWRIGHT_CONNECTION_TIMEOUT_MS),
      }) === 0
    },
    canUseApt: () => isDebianLike() && process.getuid?.() === 0 && which('apt-get', env) !== undefined,
    async installWithApt() {
      const aptEnv = { ...env, DEBIAN_FRONTEND: 'noninteractive' }
      await runBounded('apt-get', ['update', '-qq'], APT_TIMEOUT_MS, aptEnv)
      return await runBounded('apt-get', ['install', '-y', '-qq', 'chromium'], APT_TIMEOUT_MS, aptEnv) === 0
    },
  }
}

/** The first executable `name` on PATH, or undefined. */
function which(name, env) {
  return (env.PATH ?? '').split(delimiter).filter(Boolean).map(dir => join(dir, name)).find(isExecutable)
}

function isExecutable(path) {
  try {
    accessSync(path, constants.X_OK)
    return statSync(path).isFile() // folders are "executable" too
  } catch {
    return false
  }
}

function isDebianLike() {
  try {
    const release = readFileSync('/etc/os-release', 'utf8')
    return /^ID(_LIKE)?=.*\b(debian|ubuntu)\b/m.test(release)
  } catch {
    return false
  }
}

/** Runs a command with its output on stderr (stdout is for the chosen path); kills it after `ms`. */
function runBounded(command, args, ms, env) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: ['ignore', 2, 2], env })
    const timer = setTimeout(() => {
      console.error(`[browser] ${command} ${args.join(' ')} took longer than ${ms / 1000} s: stopped`)
      child.kill('SIGKILL')
    }, ms)
    child.on('error', () => {
      clearTimeout(timer)
      resolve(1)
    })
    child.on('exit', (code) => {
      clearTimeout(timer)
      resolve(code ?? 1)
    })
  })
}

/** Chooses a browser for this machine and says which; `{ path }` or `{ error }`. */
export async function provideBrowser(env = process.env) {
  const choice = await chooseBrowser(machineProbes(env))
  if (choice.path)
    console.error(`[browser] e2e runs in ${choice.path} (${choice.source})`)
  else
    console.error(choice.error)
  return choice
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const choice = await provideBrowser()
  if (choice.path)
    console.log(choice.path)
  process.exitCode = choice.path ? 0 : 1
}
