import { Value } from 'typebox/value'
import { describe, expect, it } from 'vitest'
import { AppIdSchema } from '../src/schemas/wechat-ids'

describe('AppIdSchema', () => {
  it('should accept an appid shaped like WeChat\'s: wx and 16 lowercase hex digits', () => {
    expect(Value.Check(AppIdSchema, 'wxa1b2c3d4e5f60718')).toBe(true)
  })

  it('should refuse uppercase, non-hex letters, a wrong length or another prefix', () => {
    for (const appId of ['wxA1B2C3D4E5F60718', 'wxg1b2c3d4e5f60718', 'wxa1b2c3d4e5f6071', 'wxa1b2c3d4e5f607180', 'wwa1b2c3d4e5f60718', ' wxa1b2c3d4e5f60718'])
      expect(Value.Check(AppIdSchema, appId), appId).toBe(false)
  })
})
