import type { ProductSummary } from '@wxshop/shared'
import { sumFen } from '@wxshop/shared'
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { listProducts } from '~/api/products'

export const CART_STORAGE_KEY = 'wxshop:cart:v1'
/** The API answers at most 50 ids per request. */
const REFRESH_CHUNK = 50

/** Why a line cannot be bought: the product left the catalogue, or it has no stock. */
export type CartLineUnavailable = 'removed' | 'soldOut'

export interface CartLine {
  productId: number
  name: string
  coverImage: string
  /** Unit price in integer fen, as last seen from the API. */
  priceFen: number
  stock: number
  quantity: number
  selected: boolean
  /** Set by refreshPrices(); such a line is greyed out and never selected. */
  unavailable: CartLineUnavailable | null
}

export type CartProduct = Pick<ProductSummary, 'id' | 'name' | 'coverImage' | 'priceFen' | 'stock'>

export interface AddResult {
  /** How many pieces were actually added (0 when sold out or already at stock). */
  added: number
  /** The line's quantity afterwards. */
  quantity: number
  /** True when the request was cut down to the stock. */
  capped: boolean
}

/** What refreshPrices() changed, by product name, so the page can tell the shopper. */
export interface RefreshReport {
  priceChanged: string[]
  quantityReduced: string[]
  soldOut: string[]
  removed: string[]
}

export const useCartStore = defineStore('cart', () => {
  /** Cart lines in the order they were first added; persisted to localStorage on every change. */
  const lines = ref<CartLine[]>(loadLines())

  const available = computed(() => lines.value.filter(line => !line.unavailable))
  const selectedLines = computed(() => available.value.filter(line => line.selected))
  /** Pieces in the cart, for the badges on the tabbar and the action bar. */
  const count = computed(() => lines.value.reduce((n, line) => n + line.quantity, 0))
  /** Pieces that would be bought: selected, available lines. */
  const selectedCount = computed(() => selectedLines.value.reduce((n, line) => n + line.quantity, 0))
  /** Integer fen over the selected, available lines. */
  const totalFen = computed(() => sumFen(selectedLines.value))
  const allSelected = computed(() => available.value.length > 0 && available.value.every(line => line.selected))

  function find(productId: number): CartLine | undefined {
    return lines.value.find(line => line.productId === productId)
  }

  /** Adds `quantity` pieces, merging into an existing line and never exceeding the stock. */
  function add(product: CartProduct, quantity = 1): AddResult {
    const wanted = Math.max(1, Math.floor(quantity))
    const line = find(product.id)
    const current = line && !line.unavailable ? line.quantity : 0
    const next = Math.min(current + wanted, product.stock)
    const result: AddResult = { added: Math.max(0, next - current), quantity: next, capped: current + wanted > product.stock }
    if (next <= 0)
      return { ...result, quantity: current }
    const fresh = { name: product.name, coverImage: product.coverImage, priceFen: product.priceFen, stock: product.stock }
    if (line)
      Object.assign(line, fresh, { quantity: next, selected: true, unavailable: null })
    else
      lines.value.push({ productId: product.id, ...fresh, quantity: next, selected: true, unavailable: null })
    persist()
    return result
  }

  /** Sets a line's quantity, clamped to 1…stock. */
  function setQuantity(productId: number, quantity: number) {
    const line = find(productId)
    if (!line || line.unavailable || !Number.isFinite(quantity))
      return
    line.quantity = Math.min(Math.max(1, Math.floor(quantity)), Math.max(1, line.stock))
    persist()
  }

  function remove(...productIds: number[]) {
    lines.value = lines.value.filter(line => !productIds.includes(line.productId))
    persist()
  }

  function clearUnavailable() {
    lines.value = lines.value.filter(line => !line.unavailable)
    persist()
  }

  function toggle(productId: number, selected?: boolean) {
    const line = find(productId)
    if (!line || line.unavailable)
      return
    line.selected = selected ?? !line.selected
    persist()
  }

  function selectAll(selected: boolean) {
    for (const line of available.value)
      line.selected = selected
    persist()
  }

  /**
   * Re-reads name, price and stock of every line from the API. Lines whose product vanished or
   * sold out become unavailable; quantities above the stock are cut down. Throws ApiError.
   */
  async function refreshPrices(): Promise<RefreshReport> {
    const report: RefreshReport = { priceChanged: [], quantityReduced: [], soldOut: [], removed: [] }
    const ids = lines.value.map(line => line.productId)
    const found = new Map<number, ProductSummary>()
    for (let i = 0; i < ids.length; i += REFRESH_CHUNK) {
      const chunk = ids.slice(i, i + REFRESH_CHUNK)
      const list = await listProducts({ ids: chunk, pageSize: chunk.length })
      for (const item of list.items)
        found.set(item.id, item)
    }
    const asked = new Set(ids)
    // Lines added while the request was in flight were not asked about: leave them alone.
    for (const line of lines.value.filter(line => asked.has(line.productId))) {
      const product = found.get(line.productId)
      if (!product) {
        if (line.unavailable !== 'removed')
          report.removed.push(line.name)
        Object.assign(line, { unavailable: 'removed', selected: false })
        continue
      }
      if (product.priceFen !== line.priceFen)
        report.priceChanged.push(product.name)
      Object.assign(line, { name: product.name, coverImage: product.coverImage, priceFen: product.priceFen, stock: product.stock })
      if (product.stock === 0) {
        if (line.unavailable !== 'soldOut')
          report.soldOut.push(product.name)
        Object.assign(line, { unavailable: 'soldOut', selected: false })
        continue
      }
      line.unavailable = null
      if (line.quantity > product.stock) {
        line.quantity = product.stock
        report.quantityReduced.push(product.name)
      }
    }
    persist()
    return report
  }

  function persist() {
    try {
      localStorage.setItem(CART_STORAGE_KEY, JSON.stringify({ lines: lines.value }))
    } catch {
      // Storage full or disabled (some private modes): the cart still works for this visit.
    }
  }

  // Another tab of the same shop changed the cart.
  if (typeof window !== 'undefined') {
    window.addEventListener('storage', (event) => {
      if (event.key === CART_STORAGE_KEY)
        lines.value = parseCart(event.newValue)
    })
  }

  return {
    lines,
    count,
    selectedCount,
    totalFen,
    allSelected,
    add,
    setQuantity,
    remove,
    clearUnavailable,
    toggle,
    selectAll,
    refreshPrices,
  }
})

function loadLines(): CartLine[] {
  let raw: string | null = null
  try {
    raw = localStorage.getItem(CART_STORAGE_KEY)
  } catch {
    return []
  }
  const lines = parseCart(raw)
  if (raw !== null && lines.length === 0) {
    try {
      localStorage.removeItem(CART_STORAGE_KEY)
    } catch {
      // nothing to clean up then
    }
  }
  return lines
}

/** Parses what persist() wrote. Anything malformed is dropped, line by line; never throws. */
export function parseCart(raw: string | null): CartLine[] {
  if (!raw)
    return []
  let data: unknown
  try {
    data = JSON.parse(raw)
  } catch {
    return []
  }
  const items = (data as { lines?: unknown } | null)?.lines
  if (!Array.isArray(items))
    return []
  const seen = new Set<number>()
  const lines: CartLine[] = []
  for (const item of items) {
    const line = toLine(item)
    if (line && !seen.has(line.productId)) {
      seen.add(line.productId)
      lines.push(line)
    }
  }
  return lines
}

function toLine(value: unknown): CartLine | null {
  if (typeof value !== 'object' || value === null)
    return null
  const v = value as Record<string, unknown>
  const int = (x: unknown, min: number): x is number => Number.isSafeInteger(x) && (x as number) >= min
  if (!int(v.productId, 1) || !int(v.priceFen, 0) || !int(v.stock, 0) || !int(v.quantity, 1))
    return null
  if (typeof v.name !== 'string' || typeof v.coverImage !== 'string' || typeof v.selected !== 'boolean')
    return null
  const unavailable = v.unavailable === 'removed' || v.unavailable === 'soldOut' ? v.unavailable : null
  return {
    productId: v.productId,
    name: v.name,
    coverImage: v.coverImage,
    priceFen: v.priceFen,
    stock: v.stock,
    quantity: v.quantity,
    selected: v.selected && !unavailable,
    unavailable,
  }
}
