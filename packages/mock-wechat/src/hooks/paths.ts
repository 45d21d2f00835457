/** The path of a request URL, without its query. */
export function pathOf(url: string): string {
  const at = url.indexOf('?')
  return at === -1 ? url : url.slice(0, at)
}

/**
 * The mock's own routes: not WeChat, so never logged as calls nor failed on purpose. The in-page
 * client's calls stand for what happens inside the phone, not for requests to WeChat's servers.
 */
export function isMockOwnPath(path: string): boolean {
  return path.startsWith('/__control/') || path.startsWith('/__bridge/') || path === '/bridge.js' || path.startsWith('/avatars/') || path === '/account-qrcode.svg' || path === '/favicon.ico'
}
