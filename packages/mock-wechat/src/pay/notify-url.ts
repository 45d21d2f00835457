import type { MockWechatConfig } from '../config'

/**
 * Whether WeChat Pay takes `url` as a notify_url: absolute, no query string, at most 256 characters.
 * v3 asks https; the mock also takes http while its own PUBLIC_URL is http (a local shop has no
 * TLS) [choice]. v2 takes either.
 */
export function notifyUrlIssue(url: unknown, config: MockWechatConfig, version: 'v2' | 'v3'): string | undefined {
  if (typeof url !== 'string' || url === '')
    return 'notify_url 不能为空'
  if (url.length > 256)
    return 'notify_url 长度超过256'
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return 'notify_url 格式不正确'
  }
  if (parsed.search !== '' || url.includes('?'))
    return 'notify_url 不能携带参数'
  const httpAllowed = version === 'v2' || config.publicUrl.startsWith('http:')
  if (parsed.protocol !== 'https:' && !(httpAllowed && parsed.protocol === 'http:'))
    return 'notify_url 必须为https地址'
  return undefined
}
