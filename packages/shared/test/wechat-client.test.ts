import { describe, expect, it } from 'vitest'
import { isWechat, wechatClientOf } from '../src/wechat-client'

const IOS_WECHAT = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 MicroMessenger/8.0.50(0x1800322c) NetType/WIFI Language/zh_CN'
const IPAD_WECHAT = 'Mozilla/5.0 (iPad; CPU OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 MicroMessenger/8.0.50(0x1800322c) NetType/WIFI'
const ANDROID_WECHAT = 'Mozilla/5.0 (Linux; Android 14; Pixel 7; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/130 Mobile Safari/537.36 XWEB/1300289 MMWEBSDK/20240501 MMWEBID/1234 MicroMessenger/8.0.50.2701(0x28003253) WeChat/arm64 Weixin NetType/WIFI'
const ANDROID_CHROME = 'Mozilla/5.0 (Linux; Android 14; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130 Mobile Safari/537.36'
const IOS_SAFARI = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1'
const WINDOWS_WECHAT = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/81.0 Safari/537.36 NetType/WIFI MicroMessenger/7.0.20.1781(0x6700143B) WindowsWechat(0x63090a13)'

describe('wechatClientOf', () => {
  it.each([
    ['iOS WeChat', IOS_WECHAT, 'ios-wechat'],
    ['iPad WeChat', IPAD_WECHAT, 'ios-wechat'],
    ['Android WeChat', ANDROID_WECHAT, 'android-wechat'],
    ['a user agent that writes micromessenger in lower case', IOS_WECHAT.replace('MicroMessenger', 'micromessenger'), 'ios-wechat'],
    ['Android Chrome', ANDROID_CHROME, 'not-wechat'],
    ['iOS Safari', IOS_SAFARI, 'not-wechat'],
    ['WeChat for Windows, which cannot finish web authorisation', WINDOWS_WECHAT, 'not-wechat'],
    ['no user agent', undefined, 'not-wechat'],
    ['an empty user agent', '', 'not-wechat'],
  ] as const)('should tell %s apart', (_name, userAgent, expected) => {
    expect(wechatClientOf(userAgent)).toBe(expected)
    expect(isWechat(userAgent)).toBe(expected !== 'not-wechat')
  })
})
