import { existsSync, readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseEnv } from 'node:util'
import { APP_ID_DESCRIPTION, APP_SECRET_DESCRIPTION, AppIdSchema, AppSecretSchema, type WechatMode } from '@wxshop/shared'
import { MOCK_MERCHANT, MOCK_WECHAT_PAY_PLATFORM } from '@wxshop/shared/wechat-pay'
import { Type, type Static, type TSchema } from 'typebox'
import { Value } from 'typebox/value'
import { parseDatabaseUrl, SQLITE_MEMORY, type DatabaseTarget } from './db/database-url'
import { StartupError } from './errors'
import { redactUrl } from './lib/redact-url'
import type { TokenApi } from './wechat/token-service'
import { loadOrCreateSessionSecret } from './lib/session-secret'

// The only reader of the environment (STYLE.md §7.5). Each variable's schema carries `expected`,
// the words that finish "NAME must be …" when its value is wrong.

const Port = Type.Integer({ minimum: 1, maximum: 65535, expected: 'an integer 1-65535' })
// 0 lets the OS pick a free port (tests read the bound address from the ready line)
const ListenPort = Type.Integer({ minimum: 0, maximum: 65535, expected: 'an integer 0-65535' })
const HttpUrl = Type.String({ pattern: '^https?://[^/\\s?#]+(/\\S*)?$', expected: 'an http:// or https:// URL' })
const PassThrough = Type.String({ minLength: 1, expected: 'a non-empty string' })

const variables = {
  PORT: ListenPort,
  HOST: Type.String({ pattern: '^[^\\s/]+$', expected: 'a host name or IP address' }),
  PUBLIC_URL: HttpUrl,
  DATABASE_URL: Type.String({ expected: 'a database URL' }), // checked by parseDatabaseUrl
  REDIS_URL: Type.String({ pattern: '^rediss?://\\S+$', expected: 'a redis:// or rediss:// URL' }),
  SESSION_SECRET: Type.String({ minLength: 32, expected: 'at least 32 characters' }),
  WECHAT_MODE: Type.Union([Type.Literal('mock'), Type.Literal('live')], { expected: '"mock" or "live"' }),
  WECHAT_APPID: Type.String({ ...AppIdSchema, expected: `an appid: ${APP_ID_DESCRIPTION}` }),
  WECHAT_APPSECRET: Type.String({ ...AppSecretSchema, expected: APP_SECRET_DESCRIPTION }),
  WECHAT_TOKEN: Type.String({ pattern: '^[0-9A-Za-z]{3,32}$', expected: '3-32 letters or digits' }),
  WECHAT_ENCODING_AES_KEY: Type.String({ pattern: '^[0-9A-Za-z]{43}$', expected: '43 letters or digits' }),
  WECHAT_MESSAGE_MODE: Type.Union([Type.Literal('plain'), Type.Literal('compat'), Type.Literal('safe')], { expected: '"plain", "compat" or "safe"' }),
  WECHAT_OPEN_BASE: HttpUrl,
  WECHAT_API_BASE: HttpUrl,
  WECHAT_PAY_BASE: HttpUrl,
  WECHAT_TOKEN_API: Type.Union([Type.Literal('stable'), Type.Literal('token')], { expected: '"stable" or "token"' }),
  WECHAT_FOLLOW_QR_URL: HttpUrl,
  WECHAT_PAY_VERSION: Type.Union([Type.Literal('v3'), Type.Literal('v2')], { expected: '"v3" or "v2"' }),
  WECHAT_PAY_SIGN_TYPE: Type.Union([Type.Literal('MD5'), Type.Literal('HMAC-SHA256')], { expected: '"MD5" or "HMAC-SHA256"' }),
  WECHAT_PAY_MCHID: Type.String({ pattern: '^[0-9]{8,12}$', expected: 'a merchant id (商户号) of 8-12 digits' }),
  // the APIv2 key and the APIv3 key are both 32 characters (WeChat Pay's merchant platform sets them so)
  WECHAT_PAY_KEY: Type.String({ pattern: '^[\\x21-\\x7e]{32}$', expected: '32 printable ASCII characters (the APIv2 key)' }),
  WECHAT_PAY_API_V3_KEY: Type.String({ pattern: '^[\\x21-\\x7e]{32}$', expected: '32 printable ASCII characters (the APIv3 key)' }),
  WECHAT_PAY_SERIAL_NO: Type.String({ pattern: '^[0-9A-Fa-f]{8,64}$', expected: 'the merchant API certificate\'s serial number in hex' }),
  WECHAT_PAY_PRIVATE_KEY_FILE: PassThrough,
  WECHAT_PAY_PUBLIC_KEY_FILE: PassThrough,
  WECHAT_PAY_PUBLIC_KEY_ID: Type.String({ pattern: '^PUB_KEY_ID_[0-9]{34}$', expected: 'PUB_KEY_ID_ followed by 34 digits' }),
  WECHAT_PAY_PLATFORM_MODE: Type.Union([Type.Literal('public-key'), Type.Literal('certificate')], { expected: '"public-key" or "certificate"' }),
  WECHAT_PAY_DIRECTORY: HttpUrl,
  WECHAT_TEMPLATE_ORDER_PAID: Type.String({ pattern: '^[\\w-]{10,64}$', expected: 'a template id (模板ID)' }),
  MOCK_WECHAT_PORT: Port,
  WEB_DIST_DIR: Type.String({ expected: 'a directory path' }),
  LOG_LEVEL: Type.Union([
    Type.Literal('fatal'), Type.Literal('error'), Type.Literal('warn'), Type.Literal('info'),
    Type.Literal('debug'), Type.Literal('trace'), Type.Literal('silent'),
  ], { expected: 'one of fatal, error, warn, info, debug, trace, silent' }),
  LOG_FORMAT: Type.Union([Type.Literal('pretty'), Type.Literal('json')], { expected: '"pretty" or "json"' }),
  SEED_DEMO: Type.Union([Type.Literal('true'), Type.Literal('false')], { expected: '"true" or "false"' }),
  SHOP_NAME: Type.String({ maxLength: 30, expected: 'at most 30 characters' }),
  TRUST_PROXY: Type.String({
    // addresses must contain a dot or colon, so a bare number (a hop count, easy to get wrong) is refused
    pattern: '^(true|false|[0-9A-Fa-f]*[.:][0-9A-Fa-f.:/]*(,[0-9A-Fa-f]*[.:][0-9A-Fa-f.:/]*)*)$',
    expected: 'true, false, or comma-separated proxy addresses/CIDRs',
  }),
} satisfies Record<string, TSchema>

/** Every variable the API reads (ENV_FILE too: it names the file the others may come from). */
export const VARIABLE_NAMES: readonly string[] = [...Object.keys(variables), 'ENV_FILE']

type Variables = { -readonly [K in keyof typeof variables]?: Static<typeof variables[K]> }

/** Values an error message must not repeat. */
const SECRETS = new Set(['SESSION_SECRET', 'WECHAT_APPSECRET', 'WECHAT_TOKEN', 'WECHAT_ENCODING_AES_KEY', 'WECHAT_PAY_KEY', 'WECHAT_PAY_API_V3_KEY'])

export type LogLevel = Static<typeof variables.LOG_LEVEL>
export type MessageMode = Static<typeof variables.WECHAT_MESSAGE_MODE>
export type LogFormat = Static<typeof variables.LOG_FORMAT>

export interface WechatConfig {
  mode: WechatMode
  appId: string
  appSecret: string
  /** Message-push settings; null in live mode until the Official Account's server address is set up. */
  token: string | null
  encodingAesKey: string | null
  /**
   * The account's 消息加解密方式 (mp admin): `plain`, `compat` or `safe`. In compat and safe mode
   * WeChat encrypts every push, so an unencrypted one is refused: its signature covers only token,
   * timestamp and nonce, never the body, and a captured query could carry a forged plaintext body.
   */
  messageMode: MessageMode
  openBase: string
  apiBase: string
  payBase: string
  /**
   * Where the access_token comes from: `stable` (POST /cgi-bin/stable_token, default) or `token`
   * (GET /cgi-bin/token). WeChat keeps the two interfaces' tokens apart, so everything that shares
   * this Official Account's token must use the same one.
   */
  tokenApi: TokenApi
  /**
   * The Official Account's QR code image (公众号二维码, downloaded from the mp admin and hosted by the
   * shop or a CDN), shown to users who do not follow. Null: the prompt shows the account's name only.
   * In mock mode the mock draws one.
   */
  followQrUrl: string | null
  mockPort: number
}

/**
 * WeChat Pay (WECHAT-PAY.md §C). In mock mode every value defaults to the test-only mock merchant
 * (@wxshop/shared/wechat-pay MOCK_MERCHANT); in live mode pay is `null` until the merchant settings
 * are set, and the pay routes answer that pay is not configured.
 */
export interface PayConfig {
  /** Unified order, query, close and notify: `v3` (JSON, RSA) or `v2` (XML). */
  version: 'v3' | 'v2'
  /** v2's sign type, for unified order and paySign. */
  signType: 'MD5' | 'HMAC-SHA256'
  mchId: string
  /** The APIv2 key; null when only v3 is set up. */
  apiV2Key: string | null
  /** The APIv3 key (notify and certificate decryption); null when only v2 is set up. */
  apiV3Key: string | null
  /** The merchant API certificate's serial (Authorization header). */
  serialNo: string | null
  /** The merchant API private key (apiclient_key.pem, PKCS#8 PEM): signs v3 requests and paySign. */
  privateKey: string | null
  /**
   * How WeChat Pay's v3 answers and notifies are verified: `public-key` (the WeChat Pay public key,
   * named by its PUB_KEY_ID_…) or `certificate` (platform certificates from GET /v3/certificates).
   */
  platformMode: 'public-key' | 'certificate'
  publicKey: string | null
  publicKeyId: string | null
  /** The JSAPI支付授权目录 registered for this shop (with its trailing slash); default PUBLIC_URL's root. */
  directory: string
  /** The template message sent to a buyer once an order is paid; null sends none. */
  orderPaidTemplateId: string | null
}

export interface AppConfig {
  port: number
  host: string
  /** Origin users see, without a trailing slash. */
  publicUrl: string
  database: DatabaseTarget
  redisUrl: string | null
  sessionSecret: string
  logLevel: LogLevel
  /** `pretty` for a person reading a terminal, `json` (one object a line) for machines. */
  logFormat: LogFormat
  shopName: string
  /**
   * Load the demo catalog into an empty database at start. SEED_DEMO, default on in mock mode and
   * off in live mode, so a real shop never starts with demo products (`pnpm --filter @wxshop/api run seed` does it once).
   */
  seedDemo: boolean
  webDistDir: string
  /**
   * Fastify's trustProxy: behind nginx or a load balancer the client address (login rate limits,
   * WeChat Pay's spbill_create_ip) comes from X-Forwarded-For only when the proxy is trusted.
   * Proxy addresses/CIDRs trust exactly those hops; `true` trusts whatever the client sends, so
   * configWarnings() warns about it.
   */
  trustProxy: boolean | string
  wechat: WechatConfig
  pay: PayConfig | null
}

const MOCK = {
  appId: 'wxa1b2c3d4e5f60718',
  appSecret: '3b9f0c1e7d2a4f6b8c0d1e2f3a4b5c6d',
  token: 'wxshopmocktoken',
  encodingAesKey: 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG',
}

/**
 * Reads and validates the configuration once, at start. Takes the environment (and whether stdout
 * is a terminal) as arguments so a test hands in plain values. Throws a StartupError whose message
 * names the variable at fault.
 */
export function loadConfig(env: Record<string, string | undefined> = process.env, stdoutIsTTY = Boolean(process.stdout.isTTY)): AppConfig {
  const vars = readVariables(env)
  const database = parseDatabaseUrl(vars.DATABASE_URL ?? 'file:./data/wxshop.db')
  const wechat = wechatConfig(vars)
  const live = wechat.mode === 'live'
  const port = vars.PORT ?? 3000
  return {
    port,
    host: vars.HOST ?? '127.0.0.1',
    // the API's own port unless the shop sits behind a proxy or another origin (vite in `pnpm dev`)
    publicUrl: trimSlash(vars.PUBLIC_URL ?? `http://localhost:${port}`),
    database,
    redisUrl: vars.REDIS_URL ?? null,
    sessionSecret: vars.SESSION_SECRET ?? (live ? missing('SESSION_SECRET', 'at least 32 characters') : loadOrCreateSessionSecret(dataDir(database))),
    logLevel: vars.LOG_LEVEL ?? 'info',
    // never decided by NODE_ENV: a terminal gets pretty lines, anything else (CI, containers) JSON
    logFormat: vars.LOG_FORMAT ?? (stdoutIsTTY ? 'pretty' : 'json'),
    shopName: vars.SHOP_NAME ?? '微选好物',
    seedDemo: vars.SEED_DEMO === undefined ? !live : vars.SEED_DEMO === 'true',
    webDistDir: vars.WEB_DIST_DIR ? resolve(vars.WEB_DIST_DIR) : defaultWebDistDir(),
    trustProxy: parseTrustProxy(vars.TRUST_PROXY),
    wechat,
    pay: payConfig(vars, live, trimSlash(vars.PUBLIC_URL ?? `http://localhost:${port}`)),
  }
}

/** The mock merchant's template id for 订单支付成功通知 (the mock knows it too). */
export const MOCK_ORDER_PAID_TEMPLATE_ID = 'wxshopMockTplOrderPaid0000000001'

function payConfig(vars: Variables, live: boolean, publicUrl: string): PayConfig | null {
  const version = vars.WECHAT_PAY_VERSION ?? 'v3'
  const signType = vars.WECHAT_PAY_SIGN_TYPE ?? 'MD5'
  const directory = normaliseDirectory(vars.WECHAT_PAY_DIRECTORY ?? `${publicUrl}/`)
  const privateKey = vars.WECHAT_PAY_PRIVATE_KEY_FILE ? readKeyFile('WECHAT_PAY_PRIVATE_KEY_FILE', vars.WECHAT_PAY_PRIVATE_KEY_FILE) : null
  const publicKey = vars.WECHAT_PAY_PUBLIC_KEY_FILE ? readKeyFile('WECHAT_PAY_PUBLIC_KEY_FILE', vars.WECHAT_PAY_PUBLIC_KEY_FILE) : null
  if (!live) {
    const platformMode = vars.WECHAT_PAY_PLATFORM_MODE ?? 'public-key'
    return {
      version,
      signType,
      mchId: vars.WECHAT_PAY_MCHID ?? MOCK_MERCHANT.mchId,
      apiV2Key: vars.WECHAT_PAY_KEY ?? MOCK_MERCHANT.apiV2Key,
      apiV3Key: vars.WECHAT_PAY_API_V3_KEY ?? MOCK_MERCHANT.apiV3Key,
      serialNo: vars.WECHAT_PAY_SERIAL_NO ?? MOCK_MERCHANT.serialNo,
      privateKey: privateKey ?? MOCK_MERCHANT.privateKey,
      platformMode,
      publicKey: publicKey ?? MOCK_WECHAT_PAY_PLATFORM.publicKey,
      publicKeyId: vars.WECHAT_PAY_PUBLIC_KEY_ID ?? MOCK_WECHAT_PAY_PLATFORM.publicKeyId,
      directory,
      orderPaidTemplateId: vars.WECHAT_TEMPLATE_ORDER_PAID ?? MOCK_ORDER_PAID_TEMPLATE_ID,
    }
  }
  if (!vars.WECHAT_PAY_MCHID)
    return null
  const platformMode = vars.WECHAT_PAY_PLATFORM_MODE ?? (publicKey ? 'public-key' : 'certificate')
  if (version === 'v2' && !vars.WECHAT_PAY_KEY)
    missingPay('WECHAT_PAY_KEY', 'the APIv2 key, for WECHAT_PAY_VERSION=v2')
  if (version === 'v3') {
    if (!vars.WECHAT_PAY_API_V3_KEY)
      missingPay('WECHAT_PAY_API_V3_KEY', 'the APIv3 key')
    if (!vars.WECHAT_PAY_SERIAL_NO)
      missingPay('WECHAT_PAY_SERIAL_NO', 'the merchant API certificate serial')
    if (!privateKey)
      missingPay('WECHAT_PAY_PRIVATE_KEY_FILE', 'the merchant API private key, apiclient_key.pem')
    if (platformMode === 'public-key' && (!publicKey || !vars.WECHAT_PAY_PUBLIC_KEY_ID))
      missingPay('WECHAT_PAY_PUBLIC_KEY_FILE and WECHAT_PAY_PUBLIC_KEY_ID', 'the WeChat Pay public key and its id, for WECHAT_PAY_PLATFORM_MODE=public-key')
  }
  if (vars.WECHAT_PAY_MCHID === MOCK_MERCHANT.mchId || privateKey?.trim() === MOCK_MERCHANT.privateKey.trim())
    throw new StartupError('WECHAT_PAY_MCHID / WECHAT_PAY_PRIVATE_KEY_FILE: the mock merchant\'s test keys cannot be used with WECHAT_MODE=live')
  return {
    version,
    signType,
    mchId: vars.WECHAT_PAY_MCHID,
    apiV2Key: vars.WECHAT_PAY_KEY ?? null,
    apiV3Key: vars.WECHAT_PAY_API_V3_KEY ?? null,
    serialNo: vars.WECHAT_PAY_SERIAL_NO?.toUpperCase() ?? null,
    privateKey,
    platformMode,
    publicKey,
    publicKeyId: vars.WECHAT_PAY_PUBLIC_KEY_ID ?? null,
    directory,
    orderPaidTemplateId: vars.WECHAT_TEMPLATE_ORDER_PAID ?? null,
  }
}

function missingPay(name: string, what: string): never {
  throw new StartupError(`${name} is required when WECHAT_PAY_MCHID is set (${what})`)
}

function normaliseDirectory(url: string): string {
  return url.endsWith('/') ? url : `${url}/`
}

/** A PEM key file's text; a file that cannot be read or holds no PEM key stops start-up. */
function readKeyFile(name: string, file: string): string {
  let text: string
  try {
    text = readFileSync(resolve(file), 'utf8')
  } catch (err) {
    throw new StartupError(`${name}: cannot read ${file} (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`)
  }
  if (!/-----BEGIN (RSA |)(PRIVATE|PUBLIC) KEY-----/.test(text))
    throw new StartupError(`${name}: ${file} holds no PEM key (-----BEGIN PRIVATE KEY----- or -----BEGIN PUBLIC KEY-----)`)
  return text
}

/**
 * The environment with a `.env` file under it: a variable set in the real environment wins over the
 * file, as with `node --env-file`. The file is ENV_FILE when set, else `.env` at the repository root
 * (where `pnpm start` and `pnpm dev` users put it), found from this file's location so it works
 * whether the API runs from apps/api, the root, src/ under tsx or the bundled dist/server.js.
 * A missing file is no error: everything has a default or is checked by loadConfig.
 */
export function withEnvFile(env: Record<string, string | undefined> = process.env): Record<string, string | undefined> {
  const file = env.ENV_FILE?.trim() || defaultEnvFile()
  if (!existsSync(file))
    return env
  let fromFile: Record<string, string | undefined>
  try {
    fromFile = parseEnv(readFileSync(file, 'utf8'))
  } catch (err) {
    throw new StartupError(`ENV_FILE: cannot read ${file} (${(err as Error).message})`)
  }
  const merged = { ...fromFile }
  for (const [name, value] of Object.entries(env)) {
    if (value !== undefined)
      merged[name] = value
  }
  return merged
}

function readVariables(env: Record<string, string | undefined>): Variables {
  const vars: Record<string, unknown> = {}
  for (const [name, schema] of Object.entries(variables) as unknown as [string, TSchema & { expected: string }][]) {
    // An empty value counts as unset, as in `PORT= pnpm start`.
    const raw = env[name]?.trim()
    if (raw === undefined || raw === '')
      continue
    // Strict digits only: TypeBox's own conversion would turn "1.5" into 1.
    const value = 'type' in schema && schema.type === 'integer' && /^\d+$/.test(raw) ? Number(raw) : raw
    if (!Value.Check(schema, value))
      throw new StartupError(`${name} must be ${schema.expected}, got ${shown(name, raw)}`)
    vars[name] = value
  }
  return vars as Variables
}

function wechatConfig(vars: Variables): WechatConfig {
  const mode = vars.WECHAT_MODE ?? (vars.WECHAT_APPID ? 'live' : 'mock')
  const mockPort = vars.MOCK_WECHAT_PORT ?? 3100
  if (mode === 'live') {
    return {
      mode,
      appId: vars.WECHAT_APPID ?? missing('WECHAT_APPID', 'the Official Account appid'),
      appSecret: vars.WECHAT_APPSECRET ?? missing('WECHAT_APPSECRET', 'the Official Account appsecret'),
      token: vars.WECHAT_TOKEN ?? null,
      encodingAesKey: vars.WECHAT_ENCODING_AES_KEY ?? null,
      messageMode: vars.WECHAT_MESSAGE_MODE ?? 'plain',
      openBase: trimSlash(vars.WECHAT_OPEN_BASE ?? 'https://open.weixin.qq.com'),
      apiBase: trimSlash(vars.WECHAT_API_BASE ?? 'https://api.weixin.qq.com'),
      payBase: trimSlash(vars.WECHAT_PAY_BASE ?? 'https://api.mch.weixin.qq.com'),
      tokenApi: vars.WECHAT_TOKEN_API ?? 'stable',
      followQrUrl: vars.WECHAT_FOLLOW_QR_URL ?? null,
      mockPort,
    }
  }
  // In mock mode every WeChat URL points at the mock unless a test moves it elsewhere.
  const mockBase = `http://127.0.0.1:${mockPort}`
  const openBase = trimSlash(vars.WECHAT_OPEN_BASE ?? mockBase)
  return {
    mode,
    appId: vars.WECHAT_APPID ?? MOCK.appId,
    appSecret: vars.WECHAT_APPSECRET ?? MOCK.appSecret,
    token: vars.WECHAT_TOKEN ?? MOCK.token,
    encodingAesKey: vars.WECHAT_ENCODING_AES_KEY ?? MOCK.encodingAesKey,
    messageMode: vars.WECHAT_MESSAGE_MODE ?? 'plain',
    openBase,
    apiBase: trimSlash(vars.WECHAT_API_BASE ?? mockBase),
    payBase: trimSlash(vars.WECHAT_PAY_BASE ?? mockBase),
    tokenApi: vars.WECHAT_TOKEN_API ?? 'stable',
    followQrUrl: vars.WECHAT_FOLLOW_QR_URL ?? `${openBase}/account-qrcode.svg`,
    mockPort,
  }
}

/**
 * Settings that work but are probably not what the operator meant; the app logs each at start-up.
 * Takes the loaded config, so a test can check the words without starting anything.
 */
export function configWarnings(config: AppConfig): string[] {
  const warnings: string[] = []
  if (config.trustProxy === true) {
    warnings.push('TRUST_PROXY=true trusts any X-Forwarded-For: a client can claim any address and walk past the '
      + 'per-address login and rate limits. Set TRUST_PROXY to the proxy\'s address or CIDR (e.g. 127.0.0.1 or 10.0.0.0/8) instead.')
  }
  return warnings
}

function parseTrustProxy(value: string | undefined): boolean | string {
  if (value === undefined || value === 'false')
    return false
  return value === 'true' ? true : value
}

function missing(name: string, what: string): never {
  throw new StartupError(`${name} is required when WECHAT_MODE=live (${what})`)
}

function shown(name: string, raw: string): string {
  if (SECRETS.has(name))
    return `a value of ${raw.length} characters`
  return JSON.stringify(redactUrl(raw))
}

function trimSlash(url: string): string {
  return url.replace(/\/+$/, '')
}

/** Where generated files such as the session secret live: next to the SQLite file, else ./data. */
function dataDir(database: DatabaseTarget): string {
  return database.dialect === 'sqlite' && database.file !== SQLITE_MEMORY ? dirname(database.file) : resolve('data')
}

/** The nearest folder at or above this file's that holds `marker`, or undefined. */
function folderAbove(marker: string): string | undefined {
  let dir = dirname(fileURLToPath(import.meta.url))
  while (!existsSync(join(dir, marker))) {
    if (dirname(dir) === dir)
      return undefined
    dir = dirname(dir)
  }
  return dir
}

/**
 * apps/web/dist, found from this file's location so it works from src/ under tsx and from the
 * bundled dist/server.js alike: walk up to the api package's package.json, then across to web.
 */
function defaultWebDistDir(): string {
  return resolve(folderAbove('package.json') ?? '.', '../web/dist')
}

/** The repository root's .env; outside a checkout (a copied bundle), the working directory's. */
export function defaultEnvFile(): string {
  return resolve(folderAbove('pnpm-workspace.yaml') ?? '.', '.env')
}
