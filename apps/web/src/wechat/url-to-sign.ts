/**
 * Which URL a WeChat client checks a wx.config signature against. iOS WeChat (history routing)
 * checks the URL the page was first loaded with: `landing`. Android checks the address bar at the
 * time of the config: `current`. Newer iOS clients are reported to check the current URL too, so
 * the rule is where we start, and a config that only holds with the other URL switches it.
 */
export type SignRule = 'landing' | 'current'

/** WeChat signs a URL without its #fragment. */
export function withoutFragment(url: string): string {
  const at = url.indexOf('#')
  return at === -1 ? url : url.slice(0, at)
}

export function urlToSign(rule: SignRule, landing: string, current: string): string {
  return withoutFragment(rule === 'landing' ? landing : current)
}

export function otherRule(rule: SignRule): SignRule {
  return rule === 'landing' ? 'current' : 'landing'
}
