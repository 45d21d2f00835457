// JSAPI支付授权目录 (WECHAT-PAY.md §D check 3): the client compares the directory of the URL it checks
// (on iOS the page's landing URL, on Android the current one) with the merchant's registered
// directories. A bare domain `https://x.com/` takes any page on x.com; a deeper entry must equal the
// page's directory exactly. Used by the mock's bridge (the check) and the SPA (whether the pay page
// must be entered by a full page load).

/** `https://x.com/a/b/c?q#h` → `https://x.com/a/b/`: the URL up to its path's last slash. */
export function payDirectoryOf(pageUrl: string): string | undefined {
  let url: URL
  try {
    url = new URL(pageUrl)
  } catch {
    return undefined
  }
  return `${url.origin}${url.pathname.slice(0, url.pathname.lastIndexOf('/') + 1)}`
}

/** A registered directory as WeChat stores it: with its trailing slash. */
export function normalisePayDirectory(directory: string): string {
  return directory.endsWith('/') ? directory : `${directory}/`
}

export function isPayDirectoryAllowed(pageUrl: string, directories: readonly string[]): boolean {
  const page = payDirectoryOf(pageUrl)
  if (page === undefined)
    return false
  return directories.some((entry) => {
    const directory = normalisePayDirectory(entry)
    let url: URL
    try {
      url = new URL(directory)
    } catch {
      return false
    }
    // a bare domain covers the whole site; anything deeper only its own directory
    return url.pathname === '/' ? page.startsWith(directory) : page === directory
  })
}
