// Helpers shared by the root scripts (start, dev, test-all). Plain Node, no dependencies.
import { spawn } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')

/** Mock unless live credentials were given: the same rule as apps/api/src/config.ts. */
export function wechatMode(env = process.env) {
  if (env.WECHAT_MODE === 'live' || env.WECHAT_MODE === 'mock')
    return env.WECHAT_MODE
  return env.WECHAT_APPID ? 'live' : 'mock'
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
