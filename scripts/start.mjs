// `pnpm start`: build what is missing, then serve the shop from the API on PORT (3000) and, in mock
// mode, the mock WeChat on MOCK_WECHAT_PORT (3100). The ready line comes only once both answer; if
// either stops or never answers, it says which and exits 1. Ctrl-C stops both.
import { spawn } from 'node:child_process'
import { join } from 'node:path'
import { apiOrigin, apiWechatMode, buildWhatIsMissing, mockOrigin, root, waitForAnswer, withEnvFile } from './lib.mjs'

if (!await buildWhatIsMissing()) {
  console.error('[start] build failed, see above')
  process.exit(1)
}

const env = withEnvFile()
const children = []
let ready = false

function stopAll(signal = 'SIGTERM') {
  for (const child of children) {
    if (child.exitCode === null && child.signalCode === null)
      child.kill(signal)
  }
}

function launch(name, command, args, cwd) {
  const child = spawn(command, args, { cwd, stdio: 'inherit', env })
  child.on('exit', (code, signal) => {
    // before the ready line, the start-up checks below say what went wrong
    if (ready)
      console.log(`[start] ${name} stopped (${signal ?? `exit ${code}`})`)
    // one process down means the shop is down: stop the rest too
    stopAll()
    if (code !== 0 && code !== null)
      process.exitCode = code
  })
  children.push(child)
  return child
}

for (const signal of ['SIGINT', 'SIGTERM'])
  process.on(signal, () => stopAll(signal))

try {
  // The API first: its config decides mock or live (GET /api/config), the script only asks.
  const api = launch('API', process.execPath, ['dist/server.js'], join(root, 'apps/api'))
  const origin = apiOrigin(env)
  await waitForAnswer(`${origin}/api/health`, { name: 'the API', child: api })
  const mode = await apiWechatMode(origin)
  let wechat = 'live WeChat'
  if (mode === 'mock') {
    const mock = launch('mock WeChat', process.execPath, ['--import', 'tsx', 'src/server.ts'], join(root, 'packages/mock-wechat'))
    // tsx compiles the mock on start: give it longer than the built API
    await waitForAnswer(`${mockOrigin(env)}/__control/calls`, { name: 'the mock WeChat', child: mock, timeoutMs: 60_000 })
    wechat = `mock WeChat at ${mockOrigin(env)}`
  }
  ready = true
  // PUBLIC_URL's default is the API's own port, as in apps/api/src/config.ts
  console.log(`[start] wxshop ready at ${env.PUBLIC_URL || `http://localhost:${env.PORT || 3000}`} (${wechat}) · Ctrl-C stops it`)
} catch (error) {
  console.error(`[start] ${error.message}`)
  stopAll()
  process.exitCode = 1
}
