import { createHash, timingSafeEqual } from 'node:crypto'
import { TicketType } from '../state/server-credentials'
import type { Store } from '../state/store'
import { isOnJsSafeDomain } from './safe-domain'

/** What the client sends WeChat when a page calls wx.config (preVerifyJSAPI), plus the URL it checks. */
export interface ConfigCheck {
  appId?: string
  timestamp?: string
  nonceStr?: string
  signature?: string
  /** The URL the client checked: iOS the page's landing URL, Android the current one, no #fragment. */
  url: string
}

export const ConfigAnswer = {
  Ok: 'config:ok',
  InvalidAppid: 'config:invalid appid',
  InvalidUrlDomain: 'config:invalid url domain',
  InvalidSignature: 'config:invalid signature',
} as const
export type ConfigAnswer = typeof ConfigAnswer[keyof typeof ConfigAnswer]

// Seconds since 1970, as WeChat signs them: a millisecond timestamp (13 digits) never matches.
const SECONDS = /^[0-9]{1,10}$/

/** The JS-SDK signature: sha1 of the four fields in this order, url without its #fragment. */
export function jsapiSignature(ticket: string, nonceStr: string, timestamp: string, url: string): string {
  return createHash('sha1').update(`jsapi_ticket=${ticket}&noncestr=${nonceStr}&timestamp=${timestamp}&url=${url}`).digest('hex')
}

/** The live jsapi tickets this mock issued for the app: an older ticket stays valid until its own expiry. */
function liveJsapiTickets(store: Store): string[] {
  const tickets: string[] = []
  for (const [ticket, entry] of store.jsapiTickets.entries()) {
    if (entry.value.type === TicketType.Jsapi && entry.value.appId === store.config.appId && store.jsapiTickets.isLive(entry))
      tickets.push(ticket)
  }
  return tickets
}

function sameText(a: string, b: string): boolean {
  return a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b))
}

/**
 * WeChat's check of a wx.config, in WeChat's order: the appId, the URL's domain (JS安全域名), then the
 * signature over a live jsapi_ticket, the nonce, the timestamp (whole seconds) and the URL.
 */
export function checkConfig(store: Store, check: ConfigCheck): ConfigAnswer {
  if (check.appId !== store.config.appId)
    return ConfigAnswer.InvalidAppid
  if (!isOnJsSafeDomain(check.url, store.config))
    return ConfigAnswer.InvalidUrlDomain
  const { timestamp, nonceStr, signature } = check
  if (timestamp === undefined || !SECONDS.test(timestamp) || nonceStr === undefined || signature === undefined)
    return ConfigAnswer.InvalidSignature
  const url = check.url.split('#')[0]!
  const valid = liveJsapiTickets(store).some(ticket => sameText(jsapiSignature(ticket, nonceStr, timestamp, url), signature))
  return valid ? ConfigAnswer.Ok : ConfigAnswer.InvalidSignature
}
