import { describe, expect, it } from 'vitest'
import { loadMockConfig, MockConfigError } from '../src/config'

describe('loadMockConfig', () => {
  it('should use the same defaults as the API when the environment is empty', () => {
    expect(loadMockConfig({})).toEqual({
      appId: 'wxa1b2c3d4e5f60718',
      appSecret: '3b9f0c1e7d2a4f6b8c0d1e2f3a4b5c6d',
      publicUrl: 'http://localhost:3000',
      oauthDomain: 'localhost',
      accountName: '微选好物',
      port: 3100,
      userinfoRegion: 'withheld',
      ipWhitelist: [],
    })
  })

  it('should take the authorisation domain from the hostname of PUBLIC_URL', () => {
    expect(loadMockConfig({ PUBLIC_URL: 'https://Shop.Example.com:8443/app' }).oauthDomain).toBe('shop.example.com')
  })

  it('should let MOCK_WECHAT_OAUTH_DOMAIN override the domain when it is set', () => {
    expect(loadMockConfig({ MOCK_WECHAT_OAUTH_DOMAIN: 'm.example.com' }).oauthDomain).toBe('m.example.com')
  })

  it('should read the IP whitelist as a list of addresses when MOCK_WECHAT_IP_WHITELIST is set', () => {
    expect(loadMockConfig({ MOCK_WECHAT_IP_WHITELIST: '10.0.0.1, ::1' }).ipWhitelist).toEqual(['10.0.0.1', '::1'])
  })

  it('should treat an empty value as unset when a .env line has no value', () => {
    expect(loadMockConfig({ WECHAT_APPID: '', MOCK_WECHAT_PORT: '' }).port).toBe(3100)
  })

  it.each([
    ['WECHAT_APPID', 'wx123'],
    ['WECHAT_APPID', 'wxA1B2C3D4E5F60718'],
    ['WECHAT_APPSECRET', 'secret'],
    ['PUBLIC_URL', 'localhost:3000'],
    ['MOCK_WECHAT_OAUTH_DOMAIN', 'https://shop.example.com'],
    ['MOCK_WECHAT_PORT', '70000'],
    ['MOCK_WECHAT_PORT', 'abc'],
    ['MOCK_WECHAT_ACCOUNT_NAME', 'x'.repeat(31)],
    ['MOCK_WECHAT_USERINFO_REGION', 'full'],
    ['MOCK_WECHAT_IP_WHITELIST', '10.0.0.1,shop.example.com'],
  ])('should name %s in the error when its value is %j', (name, value) => {
    expect(() => loadMockConfig({ [name]: value })).toThrow(MockConfigError)
    expect(() => loadMockConfig({ [name]: value })).toThrow(new RegExp(`^${name} must be`))
  })
})
