import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { loadMockConfig, MOCK_VARIABLE_NAMES, MockConfigError } from '../src/config'

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
      originalId: expect.stringMatching(/^gh_[0-9a-f]{12}$/),
      token: 'wxshopmocktoken',
      encodingAesKey: 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG',
      messageUrl: 'http://localhost:3000/api/wechat/message',
      messageMode: 'plain',
      pay: { platformMode: 'public-key', directories: ['http://localhost:3000/'], notifyTimeScale: 1, merchantName: '微选好物' },
    })
  })

  it('should push to PUBLIC_URL (else localhost:PORT) + /api/wechat/message unless MOCK_WECHAT_MESSAGE_URL is set', () => {
    expect(loadMockConfig({ PUBLIC_URL: 'https://shop.example.com/' }).messageUrl).toBe('https://shop.example.com/api/wechat/message')
    expect(loadMockConfig({ PORT: '4000' }).messageUrl).toBe('http://localhost:4000/api/wechat/message')
    expect(loadMockConfig({ MOCK_WECHAT_MESSAGE_URL: 'http://127.0.0.1:4000/wx' }).messageUrl).toBe('http://127.0.0.1:4000/wx')
  })

  it('should keep one original id per appId when it is loaded again', () => {
    expect(loadMockConfig({}).originalId).toBe(loadMockConfig({}).originalId)
    expect(loadMockConfig({ WECHAT_APPID: 'wx0123456789abcdef' }).originalId).not.toBe(loadMockConfig({}).originalId)
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
    ['PORT', 'http'],
    ['WECHAT_TOKEN', 'to ken'],
    ['WECHAT_TOKEN', 'ab'],
    ['WECHAT_ENCODING_AES_KEY', 'abc'],
    ['WECHAT_ENCODING_AES_KEY', `${'a'.repeat(42)}+`],
    ['MOCK_WECHAT_MESSAGE_URL', 'localhost:3000/api/wechat/message'],
    ['WECHAT_MESSAGE_MODE', 'aes'],
  ])('should name %s in the error when its value is %j', (name, value) => {
    expect(() => loadMockConfig({ [name]: value })).toThrow(MockConfigError)
    expect(() => loadMockConfig({ [name]: value })).toThrow(new RegExp(`^${name} must be`))
  })
})

describe('.env.example', () => {
  it('should list every variable the mock reads when config.ts gains one', () => {
    const example = readFileSync(fileURLToPath(new URL('../../../.env.example', import.meta.url)), 'utf8')
    const listed = new Set([...example.matchAll(/^# ([A-Z][A-Z0-9_]+)=/gm)].map(match => match[1]))
    expect(MOCK_VARIABLE_NAMES.filter(name => !listed.has(name))).toEqual([])
  })
})
