import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { createWechatOAuthClient } from '../../src/wechat/oauth-client'
import { createWechatTransport } from '../../src/wechat/transport'
import { WechatApiError, WechatUnavailableError } from '../../src/wechat/wechat-error'
import { visitWechat } from '../auth-flow'
import { sharedMockWechat } from '../mock-wechat'

const APPID = 'wxa1b2c3d4e5f60718'
const SECRET = '3b9f0c1e7d2a4f6b8c0d1e2f3a4b5c6d'

describe('WeChat OAuth client', () => {
  const mock = sharedMockWechat()
  const log = { debug: vi.fn(), warn: vi.fn(), error: vi.fn() }
  const client = () => oauthClient(mock.url, { timeoutMs: 300, log })
  beforeEach(async () => {
    await mock.control('POST', '/reset')
    log.error.mockReset()
  })

  async function code(openid: string, scope: 'snsapi_base' | 'snsapi_userinfo' = 'snsapi_base'): Promise<string> {
    await mock.control('POST', '/next-login', { openid, consent: 'allow' })
    const url = client().authorizeUrl({ scope, state: 's1', redirectUri: 'http://localhost:3000/cb' })
    return (await visitWechat(url)).code!
  }

  it('should build the authorize URL in WeChat\'s exact form when asked', () => {
    const url = oauthClient('https://open.weixin.qq.com')
      .authorizeUrl({ scope: 'snsapi_base', state: 'abc_-1', redirectUri: 'https://shop.example.com/?a=1#/cart' })
    expect(url).toBe('https://open.weixin.qq.com/connect/oauth2/authorize?appid=wxa1b2c3d4e5f60718'
      + '&redirect_uri=https%3A%2F%2Fshop.example.com%2F%3Fa%3D1%23%2Fcart&response_type=code&scope=snsapi_base&state=abc_-1'
      + '&connect_redirect=1#wechat_redirect')
  })

  it('should parse the text/plain JSON of sns/oauth2/access_token when exchanging a code', async () => {
    const grant = await client().exchangeCode(await code('oClientBase000000000000001'))
    expect(grant).toEqual({
      openid: 'oClientBase000000000000001',
      scope: 'snsapi_base',
      accessToken: expect.any(String),
      refreshToken: expect.any(String),
      expiresIn: 7200,
      unionid: null,
      isSnapshotUser: false,
    })
  })

  it('should answer the profile and unionid when the token has snsapi_userinfo', async () => {
    const openid = 'oClientInfo000000000000001'
    await mock.control('PUT', `/users/${openid}`, { nickname: 'Alice', unionid: 'oUnionAlice00000000000001' })
    const grant = await client().exchangeCode(await code(openid, 'snsapi_userinfo'))
    expect(grant.unionid).toBe('oUnionAlice00000000000001')
    const info = await client().getUserInfo(grant.accessToken, openid)
    expect(info).toMatchObject({ openid, nickname: 'Alice', unionid: 'oUnionAlice00000000000001', sex: 0 })
    expect(info.headimgurl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/avatars\//)
  })

  it('should throw WechatApiError with errcode and errmsg when WeChat refuses', async () => {
    const first = await code('oClientUsed000000000000001')
    await client().exchangeCode(first)
    const error = await client().exchangeCode(first).catch((err: unknown) => err)
    expect(error).toBeInstanceOf(WechatApiError)
    expect(error).toMatchObject({ errcode: 40163, path: '/sns/oauth2/access_token' })
    expect((error as WechatApiError).errmsg).toMatch(/^code been used, rid: /)
  })

  it('should never put the appsecret in an error message when a call fails', async () => {
    await mock.control('POST', '/fail', { path: '/sns/oauth2/access_token', errcode: 40029 })
    const error = await client().exchangeCode('x').catch((err: unknown) => err) as Error
    expect(error.message).not.toContain(SECRET)
  })

  it.each([
    ['-1 (busy)', { errcode: -1 }],
    ['slower than the timeout', { errcode: 'timeout', delayMs: 2000 }],
  ])('should throw WechatUnavailableError when WeChat is %s', async (_, fault) => {
    await mock.control('POST', '/fail', { path: '/sns/oauth2/access_token', ...fault })
    await expect(client().exchangeCode('x')).rejects.toBeInstanceOf(WechatUnavailableError)
  })

  it('should log a whitelist hint when WeChat answers 40164', async () => {
    await mock.control('POST', '/fail', { path: '/sns/oauth2/access_token', errcode: 40164, errmsg: 'invalid ip 203.0.113.9 ipv6 ::ffff:203.0.113.9, not in whitelist' })
    await expect(client().exchangeCode('x')).rejects.toMatchObject({ errcode: 40164 })
    expect(log.error).toHaveBeenCalledWith(expect.objectContaining({ errcode: 40164 }), expect.stringContaining('IP白名单'))
  })
})

describe('WeChat OAuth client against a broken server', () => {
  let server: Server
  let base: string
  let answer: { status: number, body: string } = { status: 200, body: '' }
  beforeAll(async () => {
    server = createServer((_, res) => res.writeHead(answer.status, { 'content-type': 'text/plain' }).end(answer.body))
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  })
  afterAll(() => new Promise(resolve => server.close(resolve)))

  const client = () => oauthClient(base)

  it.each([
    ['an HTML error page', { status: 200, body: '<html>502 Bad Gateway</html>' }],
    ['HTTP 503', { status: 503, body: '{}' }],
    ['JSON without an openid', { status: 200, body: '{"access_token":"t"}' }],
  ])('should throw WechatUnavailableError when the answer is %s', async (_, broken) => {
    answer = broken
    await expect(client().exchangeCode('x')).rejects.toBeInstanceOf(WechatUnavailableError)
  })

  it('should throw WechatUnavailableError when nothing listens', async () => {
    const closed = createServer()
    await new Promise<void>(resolve => closed.listen(0, '127.0.0.1', resolve))
    const nowhere = `http://127.0.0.1:${(closed.address() as AddressInfo).port}`
    await new Promise(resolve => closed.close(resolve))
    const offline = oauthClient(nowhere)
    await expect(offline.exchangeCode('x')).rejects.toThrow(/unavailable: ECONNREFUSED/)
  })
})

/** The client on a transport whose every base is `base`. */
function oauthClient(base: string, options: { timeoutMs?: number, log?: { debug: () => void, warn: () => void, error: () => void } } = {}) {
  const log = options.log ?? { debug() {}, warn() {}, error() {} }
  const transport = createWechatTransport({ bases: { open: base, api: base, pay: base }, timeoutMs: options.timeoutMs, log })
  return createWechatOAuthClient({ appId: APPID, appSecret: SECRET, openBase: base, transport })
}
