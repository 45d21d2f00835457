import type { OAuthScope, WechatProfile } from '@wxshop/shared'
import type { WechatLog, WechatTransport } from './transport'
import { WechatUnavailableError } from './wechat-error'

export interface WechatOAuthClientOptions {
  appId: string
  appSecret: string
  /** open.weixin.qq.com, or the mock: the authorize page is a browser URL, built here, not fetched */
  openBase: string
  transport: WechatTransport
}

/** sns/oauth2/access_token's answer. The tokens are the user's credentials: they stay on the server. */
export interface OAuthGrant {
  openid: string
  scope: OAuthScope
  accessToken: string
  /** seconds */
  expiresIn: number
  refreshToken: string
  unionid: string | null
  /** a 快照页 virtual identity: never persist or bind it */
  isSnapshotUser: boolean
}

export interface WechatUserInfo extends WechatProfile {
  openid: string
  unionid: string | null
}

/** Web authorisation (网页授权) against WeChat, over HTTP only: the three calls the login needs. */
export function createWechatOAuthClient(options: WechatOAuthClientOptions) {
  const { appId, appSecret, openBase, transport } = options

  return {
    /**
     * The page to send the browser to. WeChat is picky: parameters in this order, redirect_uri
     * encoded, `#wechat_redirect` last; `connect_redirect=1` stops some clients calling back twice.
     */
    authorizeUrl({ scope, state, redirectUri }: { scope: OAuthScope, state: string, redirectUri: string }): string {
      const query = [
        `appid=${encodeURIComponent(appId)}`,
        `redirect_uri=${encodeURIComponent(redirectUri)}`,
        'response_type=code',
        `scope=${scope}`,
        `state=${encodeURIComponent(state)}`,
        'connect_redirect=1',
      ].join('&')
      return `${openBase}/connect/oauth2/authorize?${query}#wechat_redirect`
    },

    /** Trades the code the browser brought back for the user's openid and tokens. A code works once. */
    async exchangeCode(code: string, log?: WechatLog): Promise<OAuthGrant> {
      const path = '/sns/oauth2/access_token'
      const query = { appid: appId, secret: appSecret, code, grant_type: 'authorization_code' }
      const body = await transport.json({ base: 'api', path, query, log })
      const openid = text(body.openid)
      const accessToken = text(body.access_token)
      if (!openid || !accessToken)
        throw new WechatUnavailableError(path, 'the answer has no openid or access_token')
      return {
        openid,
        accessToken,
        scope: scopeOf(body.scope),
        expiresIn: typeof body.expires_in === 'number' ? body.expires_in : 7200,
        refreshToken: text(body.refresh_token) ?? '',
        unionid: text(body.unionid),
        isSnapshotUser: body.is_snapshotuser === 1,
      }
    },

    /** The profile behind a snsapi_userinfo token (48001 for a snsapi_base one). */
    async getUserInfo(accessToken: string, openid: string, log?: WechatLog): Promise<WechatUserInfo> {
      const query = { access_token: accessToken, openid, lang: 'zh_CN' }
      const body = await transport.json({ base: 'api', path: '/sns/userinfo', query, log })
      return {
        openid: text(body.openid) ?? openid,
        unionid: text(body.unionid),
        nickname: text(body.nickname) ?? '',
        headimgurl: text(body.headimgurl) ?? '',
        sex: typeof body.sex === 'number' ? body.sex : 0,
        province: text(body.province) ?? '',
        city: text(body.city) ?? '',
        country: text(body.country) ?? '',
      }
    },
  }
}

export type WechatOAuthClient = ReturnType<typeof createWechatOAuthClient>

function text(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null
}

/** WeChat may list several scopes ("snsapi_userinfo,snsapi_base"); the best one counts. */
function scopeOf(value: unknown): OAuthScope {
  return typeof value === 'string' && value.includes('snsapi_userinfo') ? 'snsapi_userinfo' : 'snsapi_base'
}
