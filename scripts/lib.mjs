// Helpers shared by the root scripts (start, dev, test-all). Plain Node, no dependencies.
import { spawn } from 'node:child_process'
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseEnv } from 'node:util'

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')

/**
 * The environment for the processes the scripts start: the real one over the repository's `.env`
 * (ENV_FILE when set), so the mock WeChat and the scripts' own health checks see the PORT and
 * MOCK_WECHAT_PORT the API reads. The API applies the same file with the same precedence itself
 * (apps/api/src/config.ts `withEnvFile`), which covers `node apps/api/dist/server.js` on its own.
 */
export function withEnvFile(env = process.env) {
  const file = env.ENV_FILE?.trim() || join(root, '.env')
  if (!existsSync(file))
    return { ...env }
  const merged = parseEnv(readFileSync(file, 'utf8'))
  for (const [name, value] of Object.entries(env)) {
    if (value !== undefined)
      merged[name] = value
  }
  return merged
}

/** Where the scripts reach the API: its PORT on loopback (or on HOST when it is not a wildcard). */
export function apiOrigin(env) {
  const host = !env.HOST || env.HOST === '0.0.0.0' || env.HOST === '::' ? '127.0.0.1' : env.HOST
  return `http://${host.includes(':') ? `[${host}]` : host}:${env.PORT || 3000}`
}

/** Where the mock WeChat listens (it always binds 127.0.0.1). */
export function mockOrigin(env) {
  return `http://127.0.0.1:${env.MOCK_WECHAT_PORT || 3100}`
}

/**
 * Waits until `url` answers 2xx, polling every 200 ms for at most `timeoutMs`. Resolves to the
 * response, or throws saying why: the process serving it stopped (`child` exited) or time ran out.
 */
export async function waitForAnswer(url, { name, child, timeoutMs = 30_000 }) {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (child && child.exitCode !== null)
      throw new Error(`${name} stopped (exit ${child.exitCode}) before it answered ${url}`)
    if (child && child.signalCode !== null)
      throw new Error(`${name} stopped (${child.signalCode}) before it answered ${url}`)
    const response = await fetch(url, { signal: AbortSignal.timeout(2_000) }).catch(() => undefined)
    if (response?.ok)
      return response
    await new Promise(resolveWait => setTimeout(resolveWait, 200))
  }
  throw new Error(`${name} did not answer ${url} within ${timeoutMs / 1000} s`)
}

/**
 * The API's WeChat mode, read from the running API (`GET /api/config`): the API's config is the one
 * place that decides mock or live, the scripts only ask.
 */
export async function apiWechatMode(origin) {
  const response = await fetch(`${origin}/api/config`, { signal: AbortSignal.timeout(5_000) })
  const { mode } = await response.json()
  if (mode !== 'mock' && mode !== 'live')
    throw new Error(`GET ${origin}/api/config answered mode ${JSON.stringify(mode)}`)
  return mode
}

/** Newest modification time under the given files and folders (node_modules, dist and .d.ts skipped). */
export function newestMtime(paths) {
  let newest = 0
  const visit = (path) => {
    if (!existsSync(path))
      return
    const stat = statSync(path)
    if (stat.isDirectory()) {
      for (const name of readdirSync(path)) {
        if (name !== 'node_modules' && name !== 'dist' && !name.startsWith('.'))
          visit(join(path, name))
      }
    } else if (!path.endsWith('.d.ts')) {
      // declaration files change no output, and vite rewrites components.d.ts on every build
      newest = Math.max(newest, stat.mtimeMs)
    }
  }
  paths.forEach(visit)
  return newest
}

/** True when `output` is missing or older than anything in `inputs`. */
export function isStale(output, inputs) {
  if (!existsSync(output))
    return true
  return newestMtime(inputs) > statSync(output).mtimeMs
}

/** Runs a command to completion with inherited stdio; resolves to its exit code. */
export function run(command, args, options = {}) {
  return new Promise((resolvePromise) => {
    const child = spawn(command, args, { stdio: 'inherit', cwd: root, ...options })
    child.on('exit', code => resolvePromise(code ?? 1))
    child.on('error', (error) => {
      console.error(`could not run ${command}: ${error.message}`)
      resolvePromise(1)
    })
  })
}

/** Builds the SPA and the API bundle when missing or older than their sources. */
export async function buildWhatIsMissing() {
  const web = join(root, 'apps/web')
  const api = join(root, 'apps/api')
  const shared = join(root, 'packages/shared/src')
  if (isStale(join(web, 'dist/index.html'), [join(web, 'src'), join(web, 'public'), join(web, 'index.html'), join(web, 'vite.config.ts'), shared])) {
    console.log('[start] building the SPA (apps/web)…')
    if (await run('pnpm', ['--filter', '@wxshop/web', 'run', 'build']) !== 0)
      return false
  }
  if (isStale(join(api, 'dist/server.js'), [join(api, 'src'), join(api, 'scripts'), shared])) {
    console.log('[start] building the API (apps/api)…')
    if (await run('pnpm', ['--filter', '@wxshop/api', 'run', 'build']) !== 0)
      return false
  }
  return true
}
