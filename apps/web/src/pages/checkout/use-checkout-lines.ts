import { type OrderLineInput, type ProductSummary, sumFen } from '@wxshop/shared'
import { computed, type Ref, ref, shallowRef, watch } from 'vue'
import { listProducts } from '~/api/products'

export interface CheckoutLine extends OrderLineInput {
  /** The catalogue's product now, or null when it is gone (taken off the shelf). */
  product: ProductSummary | null
}

/**
 * The lines to buy with the catalogue's current name, cover and price (GET /api/products?ids=), so
 * the total shown before the order is the catalogue's, not whatever the cart remembered. The order's
 * own total is the server's answer to POST /api/orders.
 */
export function useCheckoutLines(items: Ref<OrderLineInput[]>) {
  const lines = shallowRef<CheckoutLine[]>([])
  const loading = ref(true)
  const error = shallowRef<unknown>(null)

  async function load() {
    loading.value = true
    error.value = null
    const wanted = items.value
    try {
      const list = wanted.length > 0 ? await listProducts({ ids: wanted.map(item => item.productId), pageSize: wanted.length }) : { items: [] }
      const found = new Map(list.items.map(product => [product.id, product]))
      lines.value = wanted.map(item => ({ ...item, product: found.get(item.productId) ?? null }))
    } catch (e) {
      error.value = e
    } finally {
      loading.value = false
    }
  }

  watch(items, load, { immediate: true })

  /** Lines that cannot be bought: gone, or more than the stock. */
  const problems = computed(() => lines.value.filter(line => !line.product || line.product.stock < line.quantity))
  const totalFen = computed(() => sumFen(lines.value.flatMap(line => (line.product ? [{ priceFen: line.product.priceFen, quantity: line.quantity }] : []))))
  const count = computed(() => lines.value.reduce((n, line) => n + line.quantity, 0))

  return { lines, loading, error, problems, totalFen, count, reload: load }
}
