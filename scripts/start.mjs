// `pnpm start`: build what is missing, then serve the shop from the API on PORT (3000) and,
// in mock mode, the mock WeChat on MOCK_WECHAT_PORT (3100). Ctrl-C stops both.
import { spawn } from 'node:child_process'
import { join } from 'node:path'
import { buildWhatIsMissing, root, wechatMode } from './lib.mjs'

if (!await buildWhatIsMissing()) {
  console.error('[start] build failed, see above')
  process.exit(1)
}

const children = []
function launch(name, command, args, cwd) {
  const child = spawn(command, args, { cwd, stdio: 'inherit', env: process.env })
  child.on('exit', (code, signal) => {
    console.log(`[start] ${name} stopped (${signal ?? `exit ${code}`})`)
    // one process down means the shop is down: stop the rest too
    for (const other of children) {
      if (other !== child && other.exitCode === null)
        other.kill('SIGTERM')
    }
    process.exitCode = code ?? 0
  })
  children.push(child)
}

if (wechatMode() === 'mock')
  launch('mock WeChat', process.execPath, ['--import', 'tsx', 'src/server.ts'], join(root, 'packages/mock-wechat'))
launch('API', process.execPath, ['dist/server.js'], join(root, 'apps/api'))

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    for (const child of children)
      child.kill(signal)
  })
}
