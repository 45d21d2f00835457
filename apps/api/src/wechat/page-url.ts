/**
 * The URL a wx.config signature is made for: the page's URL without its #fragment (WeChat signs
 * `location.href.split('#')[0]`), kept as the page sent it otherwise, since the signature is over
 * the exact characters. Only pages of the shop itself (PUBLIC_URL's origin) are signed: a signature
 * for any other page would let a foreign page use our Official Account's JS-SDK rights.
 * Answers the URL to sign, or a message for a 400 (for developers, so English, as schema errors are).
 */
export function pageUrlToSign(raw: string, publicUrl: string): { url: string } | { error: string } {
  const url = raw.split('#')[0]!
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return { error: 'url must be an absolute http(s) URL of a shop page' }
  }
  const origin = new URL(publicUrl).origin
  if (parsed.origin !== origin)
    return { error: `url must be a page of this shop (${origin}/…)` }
  return { url }
}
