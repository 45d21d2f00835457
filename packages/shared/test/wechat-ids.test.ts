import { Value } from 'typebox/value'
import { describe, expect, it } from 'vitest'
import { AppIdSchema, AppSecretSchema } from '../src/schemas/wechat-ids'

describe('AppIdSchema', () => {
  it('should accept an appid shaped like WeChat\'s: wx and 16 lowercase hex digits', () => {
    expect(Value.Check(AppIdSchema, 'wxa1b2c3d4e5f60718')).toBe(true)
  })

  it('should refuse uppercase, non-hex letters, a wrong length or another prefix', () => {
    for (const appId of ['wxA1B2C3D4E5F60718', 'wxg1b2c3d4e5f60718', 'wxa1b2c3d4e5f6071', 'wxa1b2c3d4e5f607180', 'wwa1b2c3d4e5f60718', ' wxa1b2c3d4e5f60718'])
      expect(Value.Check(AppIdSchema, appId), appId).toBe(false)
  })
})

describe('AppSecretSchema', () => {
  it('should accept an AppSecret shaped like WeChat\'s: 32 lowercase hex digits', () => {
    expect(Value.Check(AppSecretSchema, '3b9f0c1e7d2a4f6b8c0d1e2f3a4b5c6d')).toBe(true)
  })

  it('should refuse uppercase, non-hex letters or a wrong length', () => {
    for (const secret of ['3B9F0C1E7D2A4F6B8C0D1E2F3A4B5C6D', '3b9f0c1e7d2a4f6b8c0d1e2f3a4b5c6z', '3b9f0c1e7d2a4f6b8c0d1e2f3a4b5c6', '3b9f0c1e7d2a4f6b8c0d1e2f3a4b5c6d0'])
      expect(Value.Check(AppSecretSchema, secret), secret).toBe(false)
  })
})
