import type { MockWechatConfig } from '../config'

const MAPPED_IPV4 = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i

/** The caller's address as WeChat compares it: an IPv4-mapped IPv6 address counts as its IPv4 one. */
export function callerIp(remoteAddress: string): string {
  return MAPPED_IPV4.exec(remoteAddress)?.[1] ?? remoteAddress
}

/**
 * The errmsg of 40164 when the caller may not fetch an access_token, else undefined. WeChat checks
 * the whitelist on the token fetches (cgi-bin/token, cgi-bin/stable_token), naming the address both
 * ways: `invalid ip 1.2.3.4 ipv6 ::ffff:1.2.3.4, not in whitelist`. An empty list allows everyone.
 */
export function whitelistRefusal(config: MockWechatConfig, remoteAddress: string): string | undefined {
  if (config.ipWhitelist.length === 0)
    return undefined
  const ip = callerIp(remoteAddress)
  if (config.ipWhitelist.includes(ip))
    return undefined
  const ipv6 = ip.includes(':') ? ip : `::ffff:${ip}`
  return `invalid ip ${ip} ipv6 ${ipv6}, not in whitelist`
}
