import { formatFen, type ProductSummary } from '@wxshop/shared'
import type { WxShareData } from './sdk'

/** The shop's share picture: square, raster (WeChat draws no SVG thumbnail), in public/. */
export const SHOP_SHARE_IMAGE = '/share-icon.png'
export const SHOP_SHARE_DESC = '精选好物，在微信里就能逛'

export interface ShareShop {
  shopName: string
  /** PUBLIC_URL: the JS safe domain every link and image must sit on. */
  publicUrl: string
}

export type ShareProduct = Pick<ProductSummary, 'id' | 'name' | 'subtitle' | 'priceFen' | 'coverImage'>

export interface ShareOptions {
  /** A hash-routed build links to `/#/product/3`. */
  hash?: boolean
}

/**
 * What a page shares, the one rule: a product page its product (once loaded), every other page the
 * shop. Links and images are always on PUBLIC_URL and never carry the page's query (no code, no
 * state, no tracking a visitor arrived with).
 */
export function shareDataFor(
  route: { name?: unknown, params?: Record<string, unknown> },
  shop: ShareShop,
  product: ShareProduct | null,
  options: ShareOptions = {},
): WxShareData {
  // The product must be the one this route shows, not one a page left behind.
  if (route.name === 'product' && product && String(route.params?.id) === String(product.id))
    return productShareData(shop, product, options)
  return shopShareData(shop, options)
}

export function shopShareData(shop: ShareShop, options: ShareOptions = {}): WxShareData {
  const origin = originOf(shop.publicUrl)
  return {
    title: shop.shopName || '商城',
    desc: SHOP_SHARE_DESC,
    link: options.hash ? `${origin}/#/` : `${origin}/`,
    imgUrl: `${origin}${SHOP_SHARE_IMAGE}`,
  }
}

export function productShareData(shop: ShareShop, product: ShareProduct, options: ShareOptions = {}): WxShareData {
  const origin = originOf(shop.publicUrl)
  const price = formatFen(product.priceFen)
  return {
    title: product.name,
    desc: product.subtitle.trim() ? `${price} · ${product.subtitle.trim()}` : price,
    link: options.hash ? `${origin}/#/product/${product.id}` : `${origin}/product/${product.id}`,
    imgUrl: imageOn(origin, product.coverImage),
  }
}

function originOf(publicUrl: string): string {
  try {
    return new URL(publicUrl).origin
  } catch {
    return publicUrl.replace(/\/+$/, '')
  }
}

/**
 * `path` as an absolute URL on `origin`. An image elsewhere, or one WeChat cannot draw as a share
 * thumbnail (only JPEG and PNG show; an SVG cover would share as a blank square), is replaced by the shop's own.
 */
function imageOn(origin: string, path: string): string {
  try {
    const url = new URL(path, `${origin}/`)
    if (url.origin === origin && /\.(jpe?g|png)$/i.test(url.pathname))
      return url.href
  } catch {
    // not a URL at all
  }
  return `${origin}${SHOP_SHARE_IMAGE}`
}
