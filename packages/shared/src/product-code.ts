/**
 * What a code scanned in the shop (扫一扫) points at: a product page on the shop's own origin
 * (`{publicUrl}/product/12`, any query or hash; `/#/product/12` for a hash-routed build), or a bare
 * product id as the shop prints it on barcodes and labels. WeChat reports a barcode with its format
 * in front (`CODE_128,12`, `EAN_13,…`); a QR code comes as its plain text.
 */

/** Product ids are positive integers; ten digits is as far as the API's id lists go. */
const PRODUCT_ID = /^[1-9]\d{0,9}$/
/** WeChat's barcode prefix: the format name, then a comma (`CODE_128,`, `EAN_13,`, `UPC_A,`, `QR_CODE,`). */
const FORMAT_PREFIX = /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*,/
const PRODUCT_PATH = /^\/product\/([1-9]\d{0,9})\/?$/

/** The product id a scanned text names, or null when it names none of ours. */
export function productIdFromCode(text: string, publicUrl: string): number | null {
  const code = text.trim().replace(FORMAT_PREFIX, '').trim()
  if (PRODUCT_ID.test(code))
    return Number(code)
  return productIdFromUrl(code, publicUrl)
}

function productIdFromUrl(text: string, publicUrl: string): number | null {
  const url = splitUrl(text)
  const shop = splitUrl(publicUrl)
  // Another site's /product/12 is not our product 12 (and would be a way to send people anywhere).
  if (!url || !shop || url.origin !== shop.origin)
    return null
  const inPath = PRODUCT_PATH.exec(url.path)
  if (inPath?.[1])
    return Number(inPath[1])
  // A hash-routed build prints `/#/product/12`: the route sits after the `#`.
  if (url.path === '/' && url.hash.startsWith('/')) {
    const inHash = PRODUCT_PATH.exec(url.hash.split(/[?#]/)[0] ?? '')
    if (inHash?.[1])
      return Number(inHash[1])
  }
  return null
}

const ABSOLUTE_URL = /^(https?):\/\/([^/?#]*)([^?#]*)[^#]*(?:#(.*))?$/i
const DEFAULT_PORT: Record<string, string> = { http: ':80', https: ':443' }

/**
 * An http(s) URL's origin (scheme and host, default port dropped, lower case), path and fragment.
 * By hand: this package runs where no `URL` global is promised. A user part stays in the host
 * (`shop@evil`), so it never equals the shop's.
 */
function splitUrl(text: string): { origin: string, path: string, hash: string } | null {
  const match = ABSOLUTE_URL.exec(text.trim())
  if (!match)
    return null
  const scheme = (match[1] ?? '').toLowerCase()
  let host = (match[2] ?? '').toLowerCase()
  if (host === '')
    return null
  const defaultPort = DEFAULT_PORT[scheme]
  if (defaultPort && host.endsWith(defaultPort))
    host = host.slice(0, -defaultPort.length)
  return { origin: `${scheme}://${host}`, path: match[3] || '/', hash: match[4] ?? '' }
}
