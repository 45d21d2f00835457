import { readFileSync, statSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, describe, expect, it } from 'vitest'
import { configWarnings, defaultEnvFile, loadConfig, VARIABLE_NAMES, withEnvFile } from '../src/config'
import { StartupError } from '../src/errors'
import { build, removeDir, tempDir, TEST_SESSION_SECRET } from './helper'

// Every call passes SESSION_SECRET unless the test is about it, so nothing is written to ./data.
const base = { SESSION_SECRET: TEST_SESSION_SECRET }
const LIVE = {
  WECHAT_APPID: 'wx0123456789abcdef',
  WECHAT_APPSECRET: '0123456789abcdef0123456789abcdef',
  SESSION_SECRET: TEST_SESSION_SECRET,
}

describe('loadConfig', () => {
  const dirs: string[] = []
  afterEach(() => dirs.splice(0).forEach(removeDir))

  it.each([
    ['mock mode', base, true],
    ['live mode', LIVE, false],
    ['live mode with SEED_DEMO=true', { ...LIVE, SEED_DEMO: 'true' }, true],
    ['mock mode with SEED_DEMO=false', { ...base, SEED_DEMO: 'false' }, false],
  ])('should seed the demo catalog at start only when asked: %s', (_, env, seedDemo) => {
    expect(loadConfig(env).seedDemo).toBe(seedDemo)
  })

  it('should refuse a SEED_DEMO other than true or false', () => {
    expect(() => loadConfig({ ...base, SEED_DEMO: 'yes' })).toThrow('SEED_DEMO must be "true" or "false", got "yes"')
  })

  it('should use the documented defaults when nothing is set', () => {
    const config = loadConfig(base)
    expect(config).toMatchObject({
      port: 3000,
      host: '127.0.0.1',
      publicUrl: 'http://localhost:3000',
      database: { dialect: 'sqlite', file: resolve('data/wxshop.db') },
      redisUrl: null,
      logLevel: 'info',
      shopName: '微选好物',
      trustProxy: false,
      wechat: {
        mode: 'mock',
        appId: 'wxa1b2c3d4e5f60718',
        appSecret: '3b9f0c1e7d2a4f6b8c0d1e2f3a4b5c6d',
        token: 'wxshopmocktoken',
        encodingAesKey: 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG',
        openBase: 'http://127.0.0.1:3100',
        apiBase: 'http://127.0.0.1:3100',
        payBase: 'http://127.0.0.1:3100',
        followQrUrl: 'http://127.0.0.1:3100/account-qrcode.svg',
        mockPort: 3100,
      },
      pay: { version: 'v3', mchId: '1900000109', platformMode: 'public-key', directory: 'http://localhost:3000/' },
    })
  })

  it('should default PUBLIC_URL to localhost on the API\'s own port when PORT is set', () => {
    const config = loadConfig({ ...base, PORT: '4000' })
    expect(config.publicUrl).toBe('http://localhost:4000')
    expect(config.port).toBe(4000)
  })

  it('should keep an explicit PUBLIC_URL when PORT is set too', () => {
    expect(loadConfig({ ...base, PORT: '4000', PUBLIC_URL: 'https://shop.example.com' }).publicUrl).toBe('https://shop.example.com')
  })

  it.each([
    [true, 'pretty'],
    [false, 'json'],
  ])('should pick LOG_FORMAT from the terminal when it is unset (stdout a TTY: %s → %s)', (tty, format) => {
    expect(loadConfig(base, tty).logFormat).toBe(format)
  })

  it.each([
    ['pretty', false],
    ['json', true],
  ])('should use LOG_FORMAT=%s whatever the terminal when it is set', (format, tty) => {
    expect(loadConfig({ ...base, LOG_FORMAT: format }, tty).logFormat).toBe(format)
  })

  it('should find apps/web/dist next to the api package when WEB_DIST_DIR is unset', () => {
    expect(loadConfig(base).webDistDir).toBe(fileURLToPath(new URL('../../web/dist', import.meta.url)))
  })

  it('should resolve WEB_DIST_DIR against the working directory when it is relative', () => {
    expect(loadConfig({ ...base, WEB_DIST_DIR: 'some/dist' }).webDistDir).toBe(resolve('some/dist'))
  })

  it('should point every WeChat base at the mock port when in mock mode', () => {
    const { wechat } = loadConfig({ ...base, MOCK_WECHAT_PORT: '3200' })
    expect([wechat.openBase, wechat.apiBase, wechat.payBase]).toEqual(Array(3).fill('http://127.0.0.1:3200'))
  })

  it('should keep an explicit WeChat base and drop its trailing slash when one is set', () => {
    const config = loadConfig({ ...base, WECHAT_API_BASE: 'http://127.0.0.1:9999/', PUBLIC_URL: 'https://shop.example.com/' })
    expect(config.wechat.apiBase).toBe('http://127.0.0.1:9999')
    expect(config.publicUrl).toBe('https://shop.example.com')
  })

  it('should treat an empty value as unset when a variable is blank', () => {
    expect(loadConfig({ ...base, PORT: '', HOST: '  ' })).toMatchObject({ port: 3000, host: '127.0.0.1' })
  })

  it('should switch to live mode with real WeChat bases when WECHAT_APPID is set', () => {
    const { wechat } = loadConfig(LIVE)
    expect(wechat).toMatchObject({
      mode: 'live',
      appId: LIVE.WECHAT_APPID,
      token: null,
      encodingAesKey: null,
      openBase: 'https://open.weixin.qq.com',
      apiBase: 'https://api.weixin.qq.com',
      payBase: 'https://api.mch.weixin.qq.com',
    })
  })

  it('should get the access_token from stable_token unless WECHAT_TOKEN_API=token', () => {
    expect(loadConfig(base).wechat.tokenApi).toBe('stable')
    expect(loadConfig({ ...base, WECHAT_TOKEN_API: 'token' }).wechat.tokenApi).toBe('token')
  })

  it('should stay in mock mode with the given appid when WECHAT_MODE=mock is explicit', () => {
    expect(loadConfig({ ...base, WECHAT_MODE: 'mock', WECHAT_APPID: LIVE.WECHAT_APPID }).wechat)
      .toMatchObject({ mode: 'mock', appId: LIVE.WECHAT_APPID, apiBase: 'http://127.0.0.1:3100' })
  })

  it.each([
    ['WECHAT_APPID', { ...base, WECHAT_MODE: 'live' }],
    ['WECHAT_APPSECRET', { ...base, WECHAT_APPID: LIVE.WECHAT_APPID }],
    ['SESSION_SECRET', { WECHAT_APPID: LIVE.WECHAT_APPID, WECHAT_APPSECRET: LIVE.WECHAT_APPSECRET }],
  ])('should require %s when in live mode', (name, env) => {
    expect(() => loadConfig(env)).toThrow(new StartupError(`${name} is required when WECHAT_MODE=live`).message)
  })

  it.each([
    ['PORT', 'abc', 'PORT must be an integer 0-65535, got "abc"'],
    ['PORT', '-1', 'PORT must be an integer 0-65535, got "-1"'],
    ['PORT', '70000', 'PORT must be an integer 0-65535'],
    ['PORT', '1.5', 'PORT must be an integer 0-65535, got "1.5"'],
    ['HOST', 'local host', 'HOST must be a host name or IP address'],
    ['PUBLIC_URL', 'localhost:3000', 'PUBLIC_URL must be an http:// or https:// URL, got "localhost:3000"'],
    ['DATABASE_URL', 'mysql://x', 'DATABASE_URL must be file:<path> (SQLite), file::memory: or postgres://… (PostgreSQL), got "mysql://x"'],
    ['DATABASE_URL', 'file:', 'DATABASE_URL must be'],
    ['REDIS_URL', 'localhost:6379', 'REDIS_URL must be a redis:// or rediss:// URL'],
    ['SESSION_SECRET', 'too-short', 'SESSION_SECRET must be at least 32 characters, got a value of 9 characters'],
    ['WECHAT_MODE', 'prod', 'WECHAT_MODE must be "mock" or "live", got "prod"'],
    ['WECHAT_APPID', 'wx123', 'WECHAT_APPID must be an appid: "wx" followed by 16 lowercase hex digits, got "wx123"'],
    ['WECHAT_APPID', 'wxA1B2C3D4E5F6071Z', 'WECHAT_APPID must be an appid: "wx" followed by 16 lowercase hex digits'],
    ['WECHAT_APPSECRET', 'abc', 'WECHAT_APPSECRET must be 32 lowercase hex digits, got a value of 3 characters'],
    ['WECHAT_APPSECRET', '0123456789ABCDEF0123456789ABCDEF', 'WECHAT_APPSECRET must be 32 lowercase hex digits, got a value of 32 characters'],
    ['WECHAT_TOKEN', 'to ken', 'WECHAT_TOKEN must be 3-32 letters or digits'],
    ['WECHAT_ENCODING_AES_KEY', 'abc', 'WECHAT_ENCODING_AES_KEY must be 43 letters or digits'],
    ['WECHAT_OPEN_BASE', 'open.weixin.qq.com', 'WECHAT_OPEN_BASE must be an http:// or https:// URL'],
    ['WECHAT_API_BASE', 'ftp://api', 'WECHAT_API_BASE must be an http:// or https:// URL'],
    ['WECHAT_PAY_BASE', 'mch', 'WECHAT_PAY_BASE must be an http:// or https:// URL'],
    ['WECHAT_TOKEN_API', 'both', 'WECHAT_TOKEN_API must be "stable" or "token", got "both"'],
    ['MOCK_WECHAT_PORT', '99999', 'MOCK_WECHAT_PORT must be an integer 1-65535, got "99999"'],
    ['LOG_FORMAT', 'fancy', 'LOG_FORMAT must be "pretty" or "json", got "fancy"'],
    ['LOG_LEVEL', 'loud', 'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent, got "loud"'],
    ['SHOP_NAME', '店'.repeat(31), 'SHOP_NAME must be at most 30 characters'],
    ['TRUST_PROXY', 'yes please', 'TRUST_PROXY must be true, false, or comma-separated proxy addresses/CIDRs'],
    ['TRUST_PROXY', '1', 'TRUST_PROXY must be true, false, or comma-separated proxy addresses/CIDRs'],
  ])('should name %s when its value is %j', (name, value, message) => {
    expect(() => loadConfig({ ...base, [name]: value })).toThrow(message)
  })

  it.each([
    ['true', true],
    ['false', false],
    ['127.0.0.1,10.0.0.0/8', '127.0.0.1,10.0.0.0/8'],
  ])('should read TRUST_PROXY=%s for a reverse proxy in front of the API', (value, expected) => {
    expect(loadConfig({ ...base, TRUST_PROXY: value }).trustProxy).toEqual(expected)
  })

  it('should warn that any client can forge its address when TRUST_PROXY=true', () => {
    expect(configWarnings(loadConfig({ ...base, TRUST_PROXY: 'true' }))).toEqual([
      expect.stringMatching(/^TRUST_PROXY=true trusts any X-Forwarded-For: .*Set TRUST_PROXY to the proxy's address or CIDR/),
    ])
  })

  it.each([undefined, 'false', '10.0.0.2', '127.0.0.1,10.0.0.0/8'])('should not warn when TRUST_PROXY is %s', (value) => {
    expect(configWarnings(loadConfig({ ...base, TRUST_PROXY: value }))).toEqual([])
  })

  it('should log the TRUST_PROXY warning when the app starts with TRUST_PROXY=true', async () => {
    const lines: { level: number, msg: string }[] = []
    const stream = { write: (line: string) => lines.push(JSON.parse(line)) }
    const app = await build({ env: { TRUST_PROXY: 'true' }, logger: { level: 'warn', stream } })
    await app.close()
    expect(lines).toContainEqual(expect.objectContaining({ level: 40, msg: expect.stringContaining('TRUST_PROXY=true trusts any X-Forwarded-For') }))
  })

  it('should never repeat a secret value when rejecting it', () => {
    for (const name of ['SESSION_SECRET', 'WECHAT_APPSECRET', 'WECHAT_TOKEN', 'WECHAT_ENCODING_AES_KEY']) {
      const secret = 'secret value!'
      expect(() => loadConfig({ ...base, [name]: secret })).toThrow(name)
      expect(() => loadConfig({ ...base, [name]: secret })).not.toThrow(secret)
    }
  })

  it('should hide the password when echoing a bad DATABASE_URL', () => {
    expect(() => loadConfig({ ...base, DATABASE_URL: 'mysql://shop:hunter2@db/x' })).toThrow('got "mysql://shop:***@db/x"')
  })

  it('should select PostgreSQL when DATABASE_URL is postgres', () => {
    expect(loadConfig({ ...base, DATABASE_URL: 'postgresql://u:p@db:5432/shop' }).database)
      .toEqual({ dialect: 'postgres', url: 'postgresql://u:p@db:5432/shop' })
  })

  it('should generate the session secret once next to the SQLite file when in mock mode', () => {
    const dir = tempDir()
    dirs.push(dir)
    const env = { DATABASE_URL: `file:${join(dir, 'nested', 'shop.db')}` }
    const first = loadConfig(env).sessionSecret
    const file = join(dir, 'nested', 'session-secret')
    expect(first.length).toBeGreaterThanOrEqual(32)
    expect(readFileSync(file, 'utf8').trim()).toBe(first)
    expect(statSync(file).mode & 0o777).toBe(0o600)
    expect(loadConfig(env).sessionSecret).toBe(first)
  })

  it('should prefer SESSION_SECRET over a generated file when both exist', () => {
    const dir = tempDir()
    dirs.push(dir)
    const env = { DATABASE_URL: `file:${join(dir, 'shop.db')}` }
    loadConfig(env)
    expect(loadConfig({ ...env, ...base }).sessionSecret).toBe(TEST_SESSION_SECRET)
  })
})

describe('withEnvFile', () => {
  const dirs: string[] = []
  afterEach(() => dirs.splice(0).forEach(removeDir))
  function envFile(content: string): string {
    const dir = tempDir()
    dirs.push(dir)
    const file = join(dir, '.env')
    writeFileSync(file, content)
    return file
  }

  it('should bring a value from the .env file into the config when the environment lacks it', () => {
    const file = envFile('# the shop\nPORT=4100\nSHOP_NAME="好物 .env"\n')
    const config = loadConfig(withEnvFile({ ...base, ENV_FILE: file }))
    expect(config).toMatchObject({ port: 4100, shopName: '好物 .env', publicUrl: 'http://localhost:4100' })
  })

  it('should let a real environment variable win over the .env file when both set it', () => {
    const file = envFile('PORT=4100\nSHOP_NAME=from-file\n')
    expect(loadConfig(withEnvFile({ ...base, ENV_FILE: file, PORT: '4200' }))).toMatchObject({ port: 4200, shopName: 'from-file' })
  })

  it('should validate a value from the .env file like any other when it is wrong', () => {
    const file = envFile('PORT=abc\n')
    expect(() => loadConfig(withEnvFile({ ...base, ENV_FILE: file }))).toThrow('PORT must be an integer 0-65535, got "abc"')
  })

  it('should change nothing when the .env file does not exist', () => {
    const env = { ...base, ENV_FILE: join(tempDir(), 'none', '.env') }
    expect(withEnvFile(env)).toEqual(env)
  })

  it('should name ENV_FILE when the file cannot be read', () => {
    const dir = tempDir()
    dirs.push(dir)
    expect(() => withEnvFile({ ENV_FILE: dir })).toThrow(`ENV_FILE: cannot read ${dir}`)
  })

  it('should look for .env at the repository root when the API runs from apps/api', () => {
    const root = fileURLToPath(new URL('../../../', import.meta.url))
    const cwd = process.cwd()
    process.chdir(join(root, 'apps/api'))
    try {
      expect(defaultEnvFile()).toBe(join(root, '.env'))
    } finally {
      process.chdir(cwd)
    }
  })
})

describe('.env.example', () => {
  it('should list every variable the API reads when config.ts gains one', () => {
    const example = readFileSync(fileURLToPath(new URL('../../../.env.example', import.meta.url)), 'utf8')
    const listed = new Set([...example.matchAll(/^# ([A-Z][A-Z0-9_]+)=/gm)].map(match => match[1]))
    expect(VARIABLE_NAMES.filter(name => !listed.has(name))).toEqual([])
  })
})
