// `pnpm dev`: vite (5173) with /api proxied to the API, the API in watch mode, and the mock WeChat.
// PUBLIC_URL defaults to the vite origin so OAuth redirects come back to the dev server.
import { run, wechatMode } from './lib.mjs'

const env = { ...process.env }
env.PUBLIC_URL ??= 'http://localhost:5173'
env.API_PROXY_TARGET ??= `http://127.0.0.1:${env.PORT ?? 3000}`

const commands = [
  ['api', 'pnpm --filter @wxshop/api run dev'],
  ['web', 'pnpm --filter @wxshop/web run dev'],
]
if (wechatMode(env) === 'mock')
  commands.push(['wechat', 'pnpm --filter @wxshop/mock-wechat run dev'])

process.exitCode = await run('pnpm', [
  'exec',
  'concurrently',
  '--kill-others-on-fail',
  '--names',
  commands.map(([name]) => name).join(','),
  ...commands.map(([, command]) => command),
], { env })
