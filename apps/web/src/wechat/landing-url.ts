/**
 * The address this page was first loaded with, `?code&state` included. iOS WeChat checks a wx.config
 * signature against exactly this URL for as long as the page lives, whatever the router does to the
 * address bar afterwards (the login guard removes code and state at once). main.ts imports this
 * module before the router, so it is read before anything can change it.
 */
let landing = ''
captureLandingUrl()

/** Reads the address bar now; main.ts's import does it once, tests call it again. */
export function captureLandingUrl(href: string = typeof location === 'undefined' ? '' : location.href): string {
  landing = href
  return href
}

export function landingUrl(): string {
  return landing
}
