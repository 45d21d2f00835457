import { APP_ID_DESCRIPTION, APP_SECRET_DESCRIPTION, AppIdSchema, AppSecretSchema } from '@wxshop/shared'
import { createHash } from 'node:crypto'
import { isIP } from 'node:net'
import { Type, type TSchema } from 'typebox'
import { Value } from 'typebox/value'

/**
 * What the mock needs to know about the Official Account it plays. The API's start scripts pass it
 * the same environment as the API, so every default here equals the API's mock-mode default.
 */
export interface MockWechatConfig {
  appId: string
  appSecret: string
  /** The shop's origin (PUBLIC_URL, else http://localhost:$PORT as the API's); its hostname is the mock's domains, and pushes go below it. */
  publicUrl: string
  /** The 网页授权域名: a bare hostname, compared exactly with a redirect_uri's hostname. */
  oauthDomain: string
  /** The Official Account's display name on the consent page. */
  accountName: string
  port: number
  /**
   * `withheld`: sns/userinfo answers sex 0 and empty region fields, as WeChat has since
   * 2021-10-20. `legacy`: it answers the persona's sex and region, localised by `lang`.
   */
  userinfoRegion: UserinfoRegionMode
  /**
   * The account's IP whitelist (接口IP白名单): the addresses allowed to fetch an access_token.
   * Empty allows every address, which is the mock's default (WeChat's is an empty list that refuses all).
   */
  ipWhitelist: string[]
  /** The Official Account's original id (原始ID, gh_ + 12 hex digits, derived from the appId): every push's ToUserName. */
  originalId: string
  /** The Token of the account's server configuration (服务器配置): signs every push. */
  token: string
  /** The EncodingAESKey of the server configuration: encrypts pushes in compat and safe mode. */
  encodingAesKey: string
  /** The 服务器地址(URL) the mock pushes messages and events to. */
  messageUrl: string
  /** The 消息加解密方式 the account is set to; `POST /__control/push` may override it per push. */
  messageMode: MessageMode
  /** WeChat Pay (src/pay/): the mock merchant is MOCK_MERCHANT, bound to `appId`. */
  pay: MockPayConfig
}

/** How WeChat Pay names the key that signs its responses and notifies (WECHAT-PAY.md §B2). */
export const PlatformMode = { PublicKey: 'public-key', Certificate: 'certificate' } as const
export type PlatformMode = typeof PlatformMode[keyof typeof PlatformMode]

export interface MockPayConfig {
  /** `public-key`: Wechatpay-Serial is the PUB_KEY_ID_…; `certificate`: the platform certificate's serial, and GET /v3/certificates is served. */
  platformMode: PlatformMode
  /** The merchant's JSAPI支付授权目录, each with its trailing slash. */
  directories: string[]
  /** Multiplies the notify retry offsets (15 s, 30 s, …): 0.001 makes 15 s 15 ms in tests. */
  notifyTimeScale: number
  /** 商户名 on the pay sheet. */
  merchantName: string
}

/** 明文模式, 兼容模式, 安全模式. */
export const MessageMode = { Plain: 'plain', Compat: 'compat', Safe: 'safe' } as const
export type MessageMode = typeof MessageMode[keyof typeof MessageMode]

export const UserinfoRegionMode = { Withheld: 'withheld', Legacy: 'legacy' } as const
export type UserinfoRegionMode = typeof UserinfoRegionMode[keyof typeof UserinfoRegionMode]

export class MockConfigError extends Error {
  override name = 'MockConfigError'
}

interface Variable {
  schema: TSchema
  fallback: string
  expected: string
}

// Real appids (AppIdSchema, shared with the API) are wx + 16 hex digits and appsecrets 32 hex digits;
// the mock refuses anything else so a typo in the shared .env shows up here rather than as a puzzling
// 40013 later.
const variables = {
  WECHAT_APPID: { schema: AppIdSchema, fallback: 'wxa1b2c3d4e5f60718', expected: APP_ID_DESCRIPTION },
  WECHAT_APPSECRET: { schema: AppSecretSchema, fallback: '3b9f0c1e7d2a4f6b8c0d1e2f3a4b5c6d', expected: APP_SECRET_DESCRIPTION },
  // the API's listen port: PUBLIC_URL's default follows it, as in the API's config
  PORT: { schema: Type.String({ pattern: '^[0-9]{1,5}$' }), fallback: '3000', expected: 'a port number' },
  PUBLIC_URL: { schema: Type.String({ pattern: '^https?://[^/?#]+(/.*)?$' }), fallback: '', expected: 'an absolute http(s) URL such as http://localhost:3000' },
  MOCK_WECHAT_OAUTH_DOMAIN: { schema: Type.String({ pattern: '^[A-Za-z0-9.-]+$' }), fallback: '', expected: 'a bare hostname without scheme, port or path, such as shop.example.com' },
  MOCK_WECHAT_ACCOUNT_NAME: { schema: Type.String({ minLength: 1, maxLength: 30 }), fallback: '微选好物', expected: '1 to 30 characters' },
  MOCK_WECHAT_PORT: { schema: Type.String({ pattern: '^[0-9]{1,5}$' }), fallback: '3100', expected: 'a port number between 0 and 65535 (0: any free port)' },
  MOCK_WECHAT_IP_WHITELIST: { schema: Type.String(), fallback: '', expected: 'comma-separated IPv4 or IPv6 addresses such as 127.0.0.1,::1' },
  MOCK_WECHAT_USERINFO_REGION: { schema: Type.Union([Type.Literal('withheld'), Type.Literal('legacy')]), fallback: 'withheld', expected: '"withheld" or "legacy"' },
  // the API's mock-mode defaults and checks (apps/api/src/config.ts), so `pnpm dev` pushes what the API
  // can check. WeChat's console generates and accepts keys of letters and digits only, hence not any base64.
  WECHAT_TOKEN: { schema: Type.String({ pattern: '^[0-9A-Za-z]{3,32}$' }), fallback: 'wxshopmocktoken', expected: '3-32 letters or digits' },
  WECHAT_ENCODING_AES_KEY: { schema: Type.String({ pattern: '^[0-9A-Za-z]{43}$' }), fallback: 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG', expected: '43 letters or digits' },
  MOCK_WECHAT_MESSAGE_URL: { schema: Type.String({ pattern: '^https?://[^/?#]+(/.*)?$' }), fallback: '', expected: 'an absolute http(s) URL such as http://localhost:3000/api/wechat/message' },
  WECHAT_MESSAGE_MODE: { schema: Type.Enum(Object.values(MessageMode)), fallback: 'plain', expected: '"plain", "compat" or "safe"' },
  // WeChat Pay: unset, the API's own settings (WECHAT_PAY_PLATFORM_MODE, WECHAT_PAY_DIRECTORY), else
  // its mock-mode defaults: the public-key mode and PUBLIC_URL + '/' as the pay directory
  MOCK_WECHAT_PAY_PLATFORM_MODE: { schema: Type.Enum(Object.values(PlatformMode)), fallback: '', expected: '"public-key" or "certificate"' },
  MOCK_WECHAT_PAY_DIRECTORIES: { schema: Type.String(), fallback: '', expected: 'comma-separated http(s) directories such as https://shop.example.com/pay/' },
  MOCK_WECHAT_PAY_NOTIFY_TIME_SCALE: { schema: Type.String({ pattern: '^(0|[1-9][0-9]*)?(\\.[0-9]+)?$' }), fallback: '1', expected: 'a positive number such as 1 or 0.001' },
  MOCK_WECHAT_PAY_MERCHANT_NAME: { schema: Type.String({ minLength: 1, maxLength: 30 }), fallback: '', expected: '1 to 30 characters' },
} satisfies Record<string, Variable>

type VariableName = keyof typeof variables

/** Every variable the mock reads (the .env.example test checks each is listed). */
export const MOCK_VARIABLE_NAMES = Object.keys(variables) as VariableName[]

/** A stable original id per appId, as the account QR code's code is: `gh_` and 12 hex digits. */
function originalIdOf(appId: string): string {
  return `gh_${createHash('sha256').update(`original-id:${appId}`).digest('hex').slice(0, 12)}`
}

/** Reads and validates the mock's settings; the only place in the package that reads the environment. */
export function loadMockConfig(env: Record<string, string | undefined> = process.env): MockWechatConfig {
  // An empty value counts as unset, as in a .env file with `NAME=`.
  const read = (name: VariableName): string => {
    const { schema, fallback, expected } = variables[name]
    const raw = env[name]
    const value = raw === undefined || raw === '' ? fallback : raw
    if (value !== '' && !Value.Check(schema, value))
      throw new MockConfigError(`${name} must be ${expected}; got ${JSON.stringify(raw)}`)
    return value
  }

  const port = Number(read('MOCK_WECHAT_PORT'))
  // 0 asks the OS for a free port (tests start one mock per file); server.ts prints the one it got
  if (port < 0 || port > 65535)
    throw new MockConfigError(`MOCK_WECHAT_PORT must be ${variables.MOCK_WECHAT_PORT.expected}; got ${JSON.stringify(env.MOCK_WECHAT_PORT)}`)

  const publicUrl = read('PUBLIC_URL') || `http://localhost:${read('PORT')}`
  let publicHost: string
  try {
    publicHost = new URL(publicUrl).hostname
  } catch {
    throw new MockConfigError(`PUBLIC_URL must be ${variables.PUBLIC_URL.expected}; got ${JSON.stringify(env.PUBLIC_URL)}`)
  }

  const ipWhitelist = read('MOCK_WECHAT_IP_WHITELIST').split(',').map(entry => entry.trim()).filter(Boolean)
  if (ipWhitelist.some(entry => isIP(entry) === 0))
    throw new MockConfigError(`MOCK_WECHAT_IP_WHITELIST must be ${variables.MOCK_WECHAT_IP_WHITELIST.expected}; got ${JSON.stringify(env.MOCK_WECHAT_IP_WHITELIST)}`)

  const directories = (read('MOCK_WECHAT_PAY_DIRECTORIES') || env.WECHAT_PAY_DIRECTORY || `${publicUrl.replace(/\/+$/, '')}/`).split(',').map(entry => entry.trim()).filter(Boolean)
  if (directories.some(entry => !/^https?:\/\/[^/?#]+(\/[^?#]*)?$/.test(entry)))
    throw new MockConfigError(`MOCK_WECHAT_PAY_DIRECTORIES must be ${variables.MOCK_WECHAT_PAY_DIRECTORIES.expected}; got ${JSON.stringify(env.MOCK_WECHAT_PAY_DIRECTORIES)}`)
  const notifyTimeScale = Number(read('MOCK_WECHAT_PAY_NOTIFY_TIME_SCALE'))
  if (!(notifyTimeScale > 0))
    throw new MockConfigError(`MOCK_WECHAT_PAY_NOTIFY_TIME_SCALE must be ${variables.MOCK_WECHAT_PAY_NOTIFY_TIME_SCALE.expected}; got ${JSON.stringify(env.MOCK_WECHAT_PAY_NOTIFY_TIME_SCALE)}`)

  const appId = read('WECHAT_APPID')
  const accountName = read('MOCK_WECHAT_ACCOUNT_NAME')
  return {
    appId,
    appSecret: read('WECHAT_APPSECRET'),
    publicUrl,
    oauthDomain: (read('MOCK_WECHAT_OAUTH_DOMAIN') || publicHost).toLowerCase(),
    accountName,
    port,
    userinfoRegion: read('MOCK_WECHAT_USERINFO_REGION') as UserinfoRegionMode,
    ipWhitelist,
    originalId: originalIdOf(appId),
    token: read('WECHAT_TOKEN'),
    encodingAesKey: read('WECHAT_ENCODING_AES_KEY'),
    // PUBLIC_URL may carry a path (a shop under /shop); the endpoint sits below it
    messageUrl: read('MOCK_WECHAT_MESSAGE_URL') || `${publicUrl.replace(/\/+$/, '')}/api/wechat/message`,
    messageMode: read('WECHAT_MESSAGE_MODE') as MessageMode,
    pay: {
      platformMode: (read('MOCK_WECHAT_PAY_PLATFORM_MODE') || (env.WECHAT_PAY_PLATFORM_MODE === PlatformMode.Certificate ? PlatformMode.Certificate : PlatformMode.PublicKey)) as PlatformMode,
      directories: directories.map(entry => (entry.endsWith('/') ? entry : `${entry}/`)),
      notifyTimeScale,
      merchantName: read('MOCK_WECHAT_PAY_MERCHANT_NAME') || accountName,
    },
  }
}
