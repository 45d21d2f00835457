import { showToast } from 'vant'
import { ref } from 'vue'
import 'vant/es/toast/style'
import { type RefreshReport, useCartStore } from '~/stores/cart'

/** One short sentence for what a price refresh changed, or null when nothing did. */
export function describeRefresh(report: RefreshReport): string | null {
  const notes: string[] = []
  const gone = report.removed.length + report.soldOut.length
  if (gone > 0)
    notes.push(`${gone} 件商品已失效`)
  if (report.priceChanged.length > 0)
    notes.push('部分商品价格已更新')
  if (report.quantityReduced.length > 0)
    notes.push('部分商品库存不足，已调整数量')
  return notes.length > 0 ? notes.join('，') : null
}

/** Re-reads prices and stock whenever the cart page is shown, and tells the shopper what moved. */
export function useCartRefresh() {
  const cart = useCartStore()
  /** True while the first refresh of this visit runs (the page shows a quiet loading line). */
  const refreshing = ref(false)

  async function refresh() {
    refreshing.value = true
    try {
      const text = describeRefresh(await cart.refreshPrices())
      if (text)
        showToast(text)
    } catch {
      // Stale prices are still shown; the API computes the real amount at checkout.
      showToast('价格更新失败，显示的可能不是最新价格')
    } finally {
      refreshing.value = false
    }
  }

  return { refreshing, refresh }
}
