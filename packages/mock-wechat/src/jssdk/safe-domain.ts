import type { MockWechatConfig } from '../config'

/**
 * The account's JS接口安全域名: PUBLIC_URL's hostname. WeChat compares domains only: a port is not
 * part of a domain, and a subdomain is another domain.
 */
export function jsSafeDomain(config: MockWechatConfig): string {
  return new URL(config.publicUrl).hostname.toLowerCase()
}

/** Whether an absolute http(s) URL sits on the JS safe domain. */
export function isOnJsSafeDomain(url: string, config: MockWechatConfig): boolean {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return false
  }
  return (parsed.protocol === 'http:' || parsed.protocol === 'https:') && parsed.hostname === jsSafeDomain(config)
}
