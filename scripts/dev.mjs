// `pnpm dev`: vite (5173) with /api proxied to the API, the API in watch mode, and, once the API
// says it is in mock mode (GET /api/config: the API's config is the one that decides), the mock
// WeChat. PUBLIC_URL defaults to the vite origin so OAuth redirects come back to the dev server.
import { spawn } from 'node:child_process'
import { createInterface } from 'node:readline'
import { apiOrigin, apiWechatMode, mockOrigin, waitForAnswer, withEnvFile } from './lib.mjs'

const env = withEnvFile()
env.PUBLIC_URL ||= 'http://localhost:5173'
env.API_PROXY_TARGET ||= apiOrigin(env)
// concurrently pipes the API's stdout, which is not a terminal: ask for readable logs explicitly
env.LOG_FORMAT ||= 'pretty'
env.FORCE_COLOR ??= '1'

const servers = spawn('pnpm', [
  'exec',
  'concurrently',
  '--kill-others-on-fail',
  '--names',
  'api,web',
  'pnpm --filter @wxshop/api run dev',
  'pnpm --filter @wxshop/web run dev',
], { stdio: 'inherit', env })

let mock
function stop(signal = 'SIGTERM') {
  for (const child of [servers, mock]) {
    if (child && child.exitCode === null && child.signalCode === null)
      child.kill(signal)
  }
}
for (const signal of ['SIGINT', 'SIGTERM'])
  process.on(signal, () => stop(signal))
servers.on('exit', (code) => {
  process.exitCode ??= code ?? 1
  stop()
})

try {
  // tsx compiles the API on start; a first run on a slow machine takes a while
  await waitForAnswer(`${apiOrigin(env)}/api/health`, { name: 'the API', child: servers, timeoutMs: 60_000 })
  if (await apiWechatMode(apiOrigin(env)) === 'mock') {
    mock = spawn('pnpm', ['--filter', '@wxshop/mock-wechat', 'run', 'dev'], { stdio: ['ignore', 'pipe', 'pipe'], env })
    // the same prefix style as concurrently's [api] and [web]
    for (const stream of [mock.stdout, mock.stderr])
      createInterface({ input: stream }).on('line', line => console.log(`[wechat] ${line}`))
    mock.on('exit', (code) => {
      if (code !== 0 && code !== null) {
        console.error(`[dev] the mock WeChat stopped (exit ${code})`)
        process.exitCode = code
        stop()
      }
    })
    await waitForAnswer(`${mockOrigin(env)}/__control/calls`, { name: 'the mock WeChat', child: mock, timeoutMs: 60_000 })
  }
  console.log(`[dev] ready: open ${env.PUBLIC_URL}`)
} catch (error) {
  console.error(`[dev] ${error.message}`)
  process.exitCode = 1
  stop()
}
