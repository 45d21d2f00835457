import { describe, expect, it } from 'vitest'
import { loadMockConfig, MockConfigError } from '../../src/config'

describe('pay configuration (MOCK_WECHAT_PAY_*)', () => {
  it('should default to the API\'s mock mode: public-key mode, PUBLIC_URL\'s root as the pay directory, time scale 1, the account name', () => {
    expect(loadMockConfig({ PUBLIC_URL: 'https://shop.example.com' }).pay).toEqual({
      platformMode: 'public-key',
      directories: ['https://shop.example.com/'],
      notifyTimeScale: 1,
      merchantName: '微选好物',
    })
  })

  it('should follow the API\'s own WECHAT_PAY_PLATFORM_MODE and WECHAT_PAY_DIRECTORY when its own are unset', () => {
    const pay = loadMockConfig({ WECHAT_PAY_PLATFORM_MODE: 'certificate', WECHAT_PAY_DIRECTORY: 'https://shop.example.com/pay/' }).pay
    expect([pay.platformMode, pay.directories]).toEqual(['certificate', ['https://shop.example.com/pay/']])
  })

  it('should read several directories, each with its trailing slash', () => {
    expect(loadMockConfig({ MOCK_WECHAT_PAY_DIRECTORIES: 'https://a.example.com/pay, https://b.example.com/' }).pay.directories).toEqual(['https://a.example.com/pay/', 'https://b.example.com/'])
  })

  it.each([
    ['MOCK_WECHAT_PAY_PLATFORM_MODE', 'cert'],
    ['MOCK_WECHAT_PAY_DIRECTORIES', 'shop.example.com/pay/'],
    ['MOCK_WECHAT_PAY_NOTIFY_TIME_SCALE', '0'],
    ['MOCK_WECHAT_PAY_NOTIFY_TIME_SCALE', 'fast'],
  ])('should refuse %s=%s', (name, value) => {
    expect(() => loadMockConfig({ [name]: value })).toThrow(MockConfigError)
  })

  it('should take a time scale below 1', () => {
    expect(loadMockConfig({ MOCK_WECHAT_PAY_NOTIFY_TIME_SCALE: '0.001' }).pay.notifyTimeScale).toBe(0.001)
  })
})
