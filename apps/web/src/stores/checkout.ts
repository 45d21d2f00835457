import { MAX_LINE_QUANTITY, MAX_ORDER_LINES, type OrderLineInput } from '@wxshop/shared'
import type { LocationQuery, RouteLocationRaw } from 'vue-router'

/**
 * What the checkout buys travels in its URL (`/checkout?items=12x2,7x1&from=cart`): a reload, a
 * full page load for pay or a shared back button all keep it, and nothing stale is left in storage.
 * Prices never travel: the checkout asks the catalogue, the order asks the server.
 */
export type CheckoutSource = 'cart' | 'buy'

export interface CheckoutSelection {
  items: OrderLineInput[]
  /** `cart`: the bought lines leave the cart once the order exists. */
  from: CheckoutSource
}

export function checkoutLocation(items: readonly OrderLineInput[], from: CheckoutSource): RouteLocationRaw {
  return { path: '/checkout', query: { items: items.map(item => `${item.productId}x${Math.min(item.quantity, MAX_LINE_QUANTITY)}`).join(','), from } }
}

/** Reads the query back; malformed, duplicate or out-of-range entries are dropped. */
export function parseCheckoutQuery(query: LocationQuery): CheckoutSelection {
  const raw = typeof query.items === 'string' ? query.items : ''
  const items: OrderLineInput[] = []
  for (const part of raw.split(',')) {
    const match = /^(\d{1,9})x(\d{1,2})$/.exec(part)
    if (!match)
      continue
    const productId = Number(match[1])
    const quantity = Number(match[2])
    if (productId < 1 || quantity < 1 || quantity > MAX_LINE_QUANTITY || items.some(item => item.productId === productId))
      continue
    items.push({ productId, quantity })
  }
  return { items: items.slice(0, MAX_ORDER_LINES), from: query.from === 'cart' ? 'cart' : 'buy' }
}
