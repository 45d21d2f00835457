// Launcher on the message-push harness's contract (../shared/bench/msgpush, peers/*.mjs):
//   node bench/msgpush-launcher.mjs --port 0 --token T [--aes-key K --appid A] [--cpu-prof DIR]
// starts OUR API exactly as in production: the built apps/api/dist/server.js (built by the caller,
// bench/msgpush.mjs, when stale), its own process, a fresh SQLite file in a temp dir (migrations and
// the demo catalog as on a first start in mock mode), dedupe and storage as always (they have no
// switch), JSON logs at info to a file. Mock mode: nothing on the text path calls WeChat (a passive
// reply needs no token; only a reply past the 4 s deadline would, through the mock, which is not
// started, so such a reply would show up as a logged failure, never as a call out). Safe mode sets
// WECHAT_MESSAGE_MODE=safe, as an account set to 安全模式 is configured. Prints the harness's
// `LISTENING <url> <name> <mode> <versions> pid=<API pid>` line with /api/wechat/message, and stops
// the API (waiting for it, so a --cpu-prof profile is written) on SIGTERM/SIGINT.
import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { root, waitForAnswer } from '../scripts/lib.mjs'
import { freePort } from './lib.mjs'

const { values: args } = parseArgs({
  options: {
    'port': { type: 'string', default: '0' },
    'token': { type: 'string', default: 'benchtoken' },
    'aes-key': { type: 'string' },
    'appid': { type: 'string', default: 'wx0123456789abcdef' },
    'cpu-prof': { type: 'string' },
    'keep': { type: 'boolean', default: false },
  },
})
const safe = Boolean(args['aes-key'])

const work = mkdtempSync(join(tmpdir(), 'wxshop-bench-msgpush-'))
const port = Number(args.port) || await freePort()
const env = {
  // only what production sets, so a developer's .env or shell cannot change the figures
  PATH: process.env.PATH, HOME: process.env.HOME, ENV_FILE: join(work, 'no.env'),
  NODE_ENV: 'production', PORT: String(port), HOST: '127.0.0.1', PUBLIC_URL: 'http://localhost:3000',
  WECHAT_MODE: 'mock', DATABASE_URL: `file:${join(work, 'bench.db')}`, SESSION_SECRET: randomBytes(24).toString('hex'),
  LOG_FORMAT: 'json', LOG_LEVEL: 'info',
  WECHAT_APPID: args.appid, WECHAT_APPSECRET: randomBytes(16).toString('hex'), WECHAT_TOKEN: args.token,
  ...(safe ? { WECHAT_ENCODING_AES_KEY: args['aes-key'], WECHAT_MESSAGE_MODE: 'safe' } : { WECHAT_MESSAGE_MODE: 'plain' }),
}
const log = openSync(join(work, 'api.log'), 'a')
const nodeArgs = [...(args['cpu-prof'] ? ['--cpu-prof', `--cpu-prof-dir=${args['cpu-prof']}`] : []), 'dist/server.js']
const api = spawn(process.execPath, nodeArgs, { cwd: join(root, 'apps/api'), env, stdio: ['ignore', log, log] })

let stopping = false
async function stop(code) {
  if (stopping)
    return
  stopping = true
  if (api.exitCode === null && api.signalCode === null) {
    await new Promise((resolve) => {
      api.once('exit', resolve)
      api.kill('SIGTERM')
      setTimeout(() => api.kill('SIGKILL'), 5000).unref()
    })
  }
  if (!args.keep)
    rmSync(work, { recursive: true, force: true })
  else
    process.stderr.write(`msgpush-launcher: kept ${work}\n`)
  process.exit(code)
}
process.on('SIGTERM', () => stop(0))
process.on('SIGINT', () => stop(0))
api.on('exit', (code) => {
  if (!stopping) {
    process.stderr.write(`msgpush-launcher: the API stopped (exit ${code}):\n${readFileSync(join(work, 'api.log'), 'utf8').slice(-2000)}\n`)
    stop(1)
  }
})

try {
  await waitForAnswer(`http://127.0.0.1:${port}/api/health`, { name: 'the API', child: api })
} catch (err) {
  process.stderr.write(`msgpush-launcher: ${err.message}\n`)
  await stop(1)
}
const version = JSON.parse(readFileSync(join(root, 'apps/api/package.json'), 'utf8')).version
console.log(`LISTENING http://127.0.0.1:${port}/api/wechat/message wxshop-api ${safe ? 'safe' : 'plain'} ${JSON.stringify({ '@wxshop/api': version, 'node': process.versions.node })} pid=${api.pid}`)
