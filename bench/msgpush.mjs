// `pnpm bench:msgpush`: POST /api/wechat/message under load, plaintext and safe mode, side by side
// with the best-known Node peers (npm `wechat` on Express, `co-wechat` on Koa, echoing text), in one
// run on this machine. Uses the shared harness (../shared/bench/msgpush: setup.sh, peers/*.mjs, lib/wx.mjs)
// and its launcher contract; our API is started by bench/msgpush-launcher.mjs (built dist, fresh
// SQLite, dedupe + storage on, JSON logs at info to a file).
//
// Why not the harness's own generator: it accepts only an echo of the text, and our endpoint answers
// what the shop answers. This generator is the same kind (autocannon, requests pre-built with
// distinct MsgIds, nonces and fresh timestamps, one disjoint slice per connection, every 50th reply
// checked) and checks each target's own answer. Our API is measured with three texts, each stated:
//   same text  — the peers' request ("hello 你好 #n"): a product search that finds nothing → text
//   search hit — "苹果": a product search with matches → a news reply of 3 products
//   help       — "帮助": the fixed help text, no search (closest to the peers' work per request)
// Every one of them stores the push and claims its dedupe key before answering, as in production.
//
//   pnpm bench:msgpush [-- --rounds 2 --duration 8 --warmup 2 --connections 50 --modes plain,safe --cpu-prof]
import { execFileSync, spawn } from 'node:child_process'
import { randomInt } from 'node:crypto'
import { existsSync, mkdtempSync, readdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { createInterface } from 'node:readline'
import { pathToFileURL } from 'node:url'
import { parseArgs } from 'node:util'
import autocannon from 'autocannon'
import { isStale, root, run } from '../scripts/lib.mjs'
import { cpuSeconds, pinLoadToCore1 } from './lib.mjs'

const { values: args } = parseArgs({
  args: process.argv.slice(2).filter((arg, at) => at > 0 || arg !== '--'),
  options: {
    'rounds': { type: 'string', default: '2' },
    'duration': { type: 'string', default: '8' },
    'warmup': { type: 'string', default: '2' },
    'connections': { type: 'string', default: '50' },
    'modes': { type: 'string', default: 'plain,safe' },
    'targets': { type: 'string', default: 'wechat-express,co-wechat-koa,wxshop-same,wxshop-search,wxshop-help' },
    'harness': { type: 'string' },
    'cpu-prof': { type: 'boolean', default: false },
    'no-build': { type: 'boolean', default: false },
  },
})
const ROUNDS = Number(args.rounds)
const DURATION_S = Number(args.duration)
const WARMUP_S = Number(args.warmup)
const CONNECTIONS = Number(args.connections)
const MODES = args.modes.split(',')
const TOKEN = 'benchtoken'
const AES_KEY = 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG'
const APPID = 'wx0123456789abcdef'
const ACCOUNT = 'gh_0123456789ab'
const GOAL = 1.5
const SAMPLE_EVERY = 50
// more distinct requests than any of these servers answers in a run, so no MsgId repeats
const PER_SECOND_BUDGET = 12_000

// The harness sits beside the repository (../shared/bench/msgpush); a worktree sits one level deeper.
const harness = [args.harness, process.env.MSGPUSH_HARNESS, join(root, '../shared/bench/msgpush'), join(root, '../../shared/bench/msgpush')]
  .filter(Boolean).map(dir => resolve(dir)).find(dir => existsSync(join(dir, 'run-peers.mjs')))
if (!harness)
  throw new Error('the message-push harness (shared/bench/msgpush) was not found: pass --harness DIR or set MSGPUSH_HARNESS')
const { wxSign, aesKeyFrom, wxEncrypt, wxDecrypt, cdata } = await import(pathToFileURL(join(harness, 'lib/wx.mjs')).href)
const aes = aesKeyFrom(AES_KEY)

// scratch folder for the peers' npm packages: the system temp dir, never the repository
const peerDir = process.env.PEERBENCH_DIR || join(tmpdir(), 'peerbench')
const peersInstalled = () => ['wechat', 'co-wechat', 'express', 'koa'].every(name => existsSync(join(peerDir, 'node_modules', name, 'package.json')))
if (!peersInstalled()) {
  console.log(`installing the peers into ${peerDir} (the harness's setup.sh)…`)
  if (await run('bash', [join(harness, 'setup.sh')], { env: { ...process.env, PEERBENCH_DIR: peerDir } }) !== 0 || !peersInstalled())
    throw new Error('installing the peers failed, see above')
}
if (!args['no-build'] && isStale(join(root, 'apps/api/dist/server.js'), [join(root, 'apps/api/src'), join(root, 'apps/api/scripts'), join(root, 'packages/shared/src')])) {
  if (await run('pnpm', ['--filter', '@wxshop/api', 'run', 'build']) !== 0)
    throw new Error('the API build failed, see above')
}

const ours = join(root, 'bench/msgpush-launcher.mjs')
/** What each target is, what it is sent, and what a correct answer looks like. */
const TARGETS = {
  'wechat-express': { launcher: join(harness, 'peers/wechat-express.mjs'), text: n => `hello 你好 #${n}`, expect: 'echo', does: 'echoes the text (no storage, no dedupe)' },
  'co-wechat-koa': { launcher: join(harness, 'peers/co-wechat-koa.mjs'), text: n => `hello 你好 #${n}`, expect: 'echo', does: 'echoes the text (no storage, no dedupe)' },
  'wxshop-same': { launcher: ours, text: n => `hello 你好 #${n}`, expect: 'text', does: 'same text as the peers: stores + dedupes, product search (no match) → "not found" text' },
  'wxshop-search': { launcher: ours, text: () => '苹果', expect: 'news', does: '"苹果": stores + dedupes, product search with matches → news reply, 3 products' },
  'wxshop-help': { launcher: ours, text: () => '帮助', expect: 'text', does: '"帮助": stores + dedupes, fixed help text, no search' },
}
const targetNames = args.targets.split(',')
for (const name of targetNames) {
  if (!TARGETS[name])
    throw new Error(`unknown target ${name}: one of ${Object.keys(TARGETS).join(', ')}`)
}

// Pinning as the harness does: the server on core 0, this process (the load) on core 1.
const pin = pinLoadToCore1()
const profDir = args['cpu-prof'] ? mkdtempSync(join(tmpdir(), 'wxshop-msgpush-prof-')) : null

function startServer(target, mode) {
  const launcherArgs = [target.launcher, '--port', '0', '--token', TOKEN, ...(mode === 'safe' ? ['--aes-key', AES_KEY, '--appid', APPID] : [])]
  if (profDir && target.launcher === ours)
    launcherArgs.push('--cpu-prof', profDir)
  const command = pin ? ['taskset', ['-c', '0', process.execPath, ...launcherArgs]] : [process.execPath, launcherArgs]
  const child = spawn(command[0], command[1], { cwd: harness, env: { ...process.env, PEERBENCH_DIR: peerDir }, stdio: ['ignore', 'pipe', 'pipe'] })
  let err = ''
  child.stderr.on('data', (chunk) => {
    err += chunk
  })
  return new Promise((resolveStart, reject) => {
    const timer = setTimeout(() => reject(new Error(`${target.launcher} did not start: ${err.slice(-500)}`)), 60_000)
    createInterface({ input: child.stdout }).on('line', (line) => {
      const found = /^LISTENING (\S+) \S+ \S+ (\{.*\}) pid=(\d+)/.exec(line)
      if (found) {
        clearTimeout(timer)
        resolveStart({ child, url: new URL(found[1]), versions: JSON.parse(found[2]), pid: Number(found[3]) })
      }
    })
    child.once('exit', code => reject(new Error(`${target.launcher} exited (${code}): ${err.slice(-500)}`)))
  })
}

function stopServer(child) {
  return new Promise((resolveStop) => {
    if (child.exitCode !== null || child.signalCode !== null)
      return resolveStop()
    child.removeAllListeners('exit')
    child.once('exit', resolveStop)
    child.kill('SIGTERM')
    setTimeout(() => child.kill('SIGKILL'), 8000).unref()
  })
}

const OPENID_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'
const users = Array.from({ length: 1000 }, () => 'o' + Array.from({ length: 27 }, () => OPENID_CHARS[randomInt(OPENID_CHARS.length)]).join(''))
let sequence = 0
const msgIdPrefix = String(randomInt(100000, 999999))

/** One signed push (encrypted in safe mode), serialized ahead of the clock like the harness does. */
function buildRequest(url, target, mode) {
  const n = sequence++
  const from = users[n % users.length]
  const timestamp = String(Math.floor(Date.now() / 1000))
  const nonce = msgIdPrefix + String(n).padStart(8, '0')
  const content = target.text(n)
  const inner = `<xml><ToUserName>${cdata(ACCOUNT)}</ToUserName><FromUserName>${cdata(from)}</FromUserName><CreateTime>${timestamp}</CreateTime>`
    + `<MsgType><![CDATA[text]]></MsgType><Content>${cdata(content)}</Content><MsgId>${msgIdPrefix}${String(n).padStart(13, '0')}</MsgId></xml>`
  let query = `signature=${wxSign(TOKEN, timestamp, nonce)}&timestamp=${timestamp}&nonce=${nonce}&openid=${from}`
  let body = inner
  if (mode === 'safe') {
    const encrypt = wxEncrypt(aes, inner, APPID)
    query += `&encrypt_type=aes&msg_signature=${wxSign(TOKEN, timestamp, nonce, encrypt)}`
    body = `<xml><ToUserName>${cdata(ACCOUNT)}</ToUserName><Encrypt>${cdata(encrypt)}</Encrypt></xml>`
  }
  const path = `${url.pathname}?${query}`
  const headers = { 'Content-Type': 'text/xml', 'User-Agent': 'Mozilla/4.0', 'Accept': '*/*' }
  const head = `POST ${path} HTTP/1.1\r\nHost: ${url.host}\r\nConnection: keep-alive\r\n${Object.entries(headers).map(([k, v]) => `${k}: ${v}\r\n`).join('')}Content-Length: ${Buffer.byteLength(body)}\r\n\r\n`
  return { method: 'POST', path, headers, body, requestBuffer: Buffer.from(head + body), expect: { from, content } }
}

const field = (xml, name) => new RegExp(`<${name}>(?:<!\\[CDATA\\[([\\s\\S]*?)\\]\\]>|([^<]*))</${name}>`).exec(xml)?.slice(1).find(v => v !== undefined)

/** null when `body` is the answer this target should give, else why not. */
function checkReply(body, expect, kind, mode) {
  let xml = body
  if (mode === 'safe') {
    const encrypt = field(body, 'Encrypt')
    if (!encrypt)
      return 'reply not encrypted'
    if (wxSign(TOKEN, field(body, 'TimeStamp') ?? '', field(body, 'Nonce') ?? '', encrypt) !== field(body, 'MsgSignature'))
      return 'bad MsgSignature on the reply'
    const opened = wxDecrypt(aes, encrypt)
    if (opened.appid !== APPID)
      return 'reply for another appid'
    xml = opened.msg
  }
  if (field(xml, 'ToUserName') !== expect.from || field(xml, 'FromUserName') !== ACCOUNT)
    return 'users not swapped'
  const type = field(xml, 'MsgType')
  if (kind === 'echo')
    return type === 'text' && field(xml, 'Content') === expect.content ? null : 'text not echoed'
  if (type !== kind)
    return `MsgType ${type}, expected ${kind}`
  if (kind === 'news' && !(Number(field(xml, 'ArticleCount')) >= 1))
    return 'news without articles'
  return null
}

async function load(url, target, mode, seconds, measure) {
  const total = Math.max(CONNECTIONS * 10, seconds * PER_SECOND_BUDGET)
  const requests = Array.from({ length: total }, () => buildRequest(url, target, mode))
  const bad = {}
  let sampled = 0
  if (measure) {
    requests.forEach((request, at) => {
      if (at % SAMPLE_EVERY === 0) {
        request.onResponse = (status, body) => {
          sampled++
          let why = status === 200 ? null : `HTTP ${status}`
          try {
            why ??= checkReply(String(body), request.expect, target.expect, mode)
          } catch (err) {
            why = err.message
          }
          if (why)
            bad[why] = (bad[why] ?? 0) + 1
        }
      }
    })
  }
  const per = Math.floor(total / CONNECTIONS)
  let k = 0
  let made = 0
  const latencies = []
  const instance = autocannon({
    url: url.origin, connections: CONNECTIONS, duration: seconds, timeout: 5, pipelining: 1,
    setupClient(client) {
      const slice = requests.slice(k * per, ++k * per)
      const it = client.requestIterator
      // autocannon 8/9 internals, as the harness does: setRequests() would re-serialize every request
      if (it && Array.isArray(it.requests) && typeof it.currentRequestIndex === 'number') {
        it.requests = slice
        it.currentRequestIndex = 0
        it.currentRequest = slice[0]
      } else {
        client.setRequests(slice)
      }
      client.on('response', () => {
        made++
      })
    },
  })
  instance.on('response', (_client, status, _bytes, ms) => latencies.push(ms))
  const result = await instance
  latencies.sort((a, b) => a - b)
  const at = q => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? Number.NaN
  return { rps: result.requests.total / result.duration, p50: at(0.5), p99: at(0.99), total: result.requests.total, errors: result.errors + result.timeouts, non2xx: result.non2xx, bad, sampled, repeated: Math.max(0, made - total) }
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = sorted.length >> 1
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}
const runs = []
const versions = {}
const started = new Date()
console.log(`message push: ${targetNames.join(', ')}; ${MODES.join(' and ')} mode; ${ROUNDS} rounds × ${DURATION_S} s after ${WARMUP_S} s warm-up, ${CONNECTIONS} connections; ${pin ? 'server on core 0, load on core 1' : 'no pinning (taskset missing)'}`)
for (let round = 0; round < ROUNDS; round++) {
  // rotate the order each round so none always runs on a warmer or quieter machine
  const order = targetNames.map((_, i) => targetNames[(i + round) % targetNames.length])
  for (const mode of MODES) {
    for (const name of order) {
      const target = TARGETS[name]
      const server = await startServer(target, mode)
      versions[name] = server.versions
      try {
        if (WARMUP_S > 0)
          await load(server.url, target, mode, WARMUP_S, false)
        const cpuBefore = cpuSeconds(server.pid)
        const result = await load(server.url, target, mode, DURATION_S, true)
        result.cpuUs = 1e6 * (cpuSeconds(server.pid) - cpuBefore) / result.total
        runs.push({ name, mode, ...result })
        const badCount = Object.values(result.bad).reduce((a, b) => a + b, 0)
        console.log(`round ${round + 1} ${mode.padEnd(5)} ${name.padEnd(14)} ${result.rps.toFixed(0).padStart(6)} req/s  p50 ${result.p50.toFixed(2)} ms  p99 ${result.p99.toFixed(2)} ms  server CPU ${result.cpuUs.toFixed(0)} µs/req  errors ${result.errors} non-2xx ${result.non2xx} bad ${badCount}/${result.sampled}${badCount ? ` ${JSON.stringify(result.bad)}` : ''}${result.repeated ? ` (${result.repeated} repeated requests)` : ''}`)
      } finally {
        await stopServer(server.child)
      }
    }
  }
}

const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim()
console.log(`\n${started.toISOString().slice(0, 16)}Z · commit ${commit} · Node ${process.version} · ${ROUNDS} rounds × ${DURATION_S} s, ${CONNECTIONS} connections, medians\n`)
console.log('| handler | what it does per request | mode | req/s | req/s per round | p50 ms | p99 ms | server CPU µs/req | failed / bad replies | × best peer |')
console.log('| --- | --- | --- | ---: | --- | ---: | ---: | ---: | ---: | ---: |')
let failed = false
const verdicts = []
for (const mode of MODES) {
  const summary = (name) => {
    const rs = runs.filter(r => r.name === name && r.mode === mode)
    return { rps: median(rs.map(r => r.rps)), each: rs.map(r => r.rps.toFixed(0)).join(', '), p50: median(rs.map(r => r.p50)), p99: median(rs.map(r => r.p99)), cpuUs: median(rs.map(r => r.cpuUs)), failed: rs.reduce((n, r) => n + r.errors + r.non2xx, 0), bad: rs.reduce((n, r) => n + Object.values(r.bad).reduce((a, b) => a + b, 0), 0), sampled: rs.reduce((n, r) => n + r.sampled, 0) }
  }
  const peers = targetNames.filter(name => TARGETS[name].launcher !== ours)
  const best = peers.length ? Math.max(...peers.map(name => summary(name).rps)) : Number.NaN
  for (const name of targetNames) {
    const s = summary(name)
    const label = `${name} (${Object.entries(versions[name] ?? {}).map(([k, v]) => `${k}@${v}`).join(', ')})`
    const ratio = s.rps / best
    failed ||= s.failed > 0 || s.bad > 0
    console.log(`| ${label} | ${TARGETS[name].does} | ${mode} | ${s.rps.toFixed(0)} | ${s.each} | ${s.p50.toFixed(2)} | ${s.p99.toFixed(2)} | ${s.cpuUs.toFixed(0)} | ${s.failed} / ${s.bad} of ${s.sampled} | ${ratio.toFixed(2)}× |`)
    if (TARGETS[name].launcher === ours)
      verdicts.push(`${mode} ${name}: ${ratio.toFixed(2)}× the best peer → ${ratio >= GOAL ? 'met' : 'NOT met'}`)
  }
}
console.log(`\ngoal: ≥ ${GOAL}× the best peer's req/s with dedupe and storage on`)
for (const line of verdicts) console.log(`  ${line}`)
if (profDir)
  console.log(`\nAPI CPU profiles: ${readdirSync(profDir).map(file => join(profDir, file)).join(', ')}`)
if (failed) {
  console.log('\nsome requests failed or got a wrong answer (see the rounds above)')
  process.exitCode = 1
}
