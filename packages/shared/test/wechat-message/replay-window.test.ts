import { describe, expect, it } from 'vitest'
import { assertFreshTimestamp, isFreshTimestamp, MessageRefusedError, REPLAY_WINDOW_SECONDS } from '../../src/wechat-message'

const NOW = 1_700_000_000_500

describe('replay window', () => {
  it('should accept a timestamp when it is within 300 s of now, either side', () => {
    expect(REPLAY_WINDOW_SECONDS).toBe(300)
    for (const offset of [0, -300, 300])
      expect(isFreshTimestamp(String(1_700_000_000 + offset), NOW), String(offset)).toBe(true)
  })

  it('should refuse a timestamp when it is more than the window from now, in the past or the future', () => {
    for (const offset of [-301, 301, -86_400])
      expect(isFreshTimestamp(String(1_700_000_000 + offset), NOW), String(offset)).toBe(false)
    expect(() => assertFreshTimestamp('1699999000', NOW)).toThrow(MessageRefusedError)
    expect(isFreshTimestamp('1699999000', NOW, 1200)).toBe(true)
  })

  it('should refuse a timestamp when it is not seconds as digits', () => {
    for (const timestamp of ['', '17e8', '-1', '1700000000.5', ' 1700000000', '1700000000000', undefined, 1_700_000_000])
      expect(isFreshTimestamp(timestamp, NOW), String(timestamp)).toBe(false)
  })
})
