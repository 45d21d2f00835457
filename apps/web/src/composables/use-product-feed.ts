import type { ProductSummary } from '@wxshop/shared'
import { ref, shallowRef } from 'vue'
import { errorMessage } from '~/api/client'
import { listProducts } from '~/api/products'

export const FEED_PAGE_SIZE = 10

export interface FeedFilter {
  categoryId?: number
  q?: string
}

/**
 * The home page's product list: pages of 10, pull-to-refresh, filter changes. Only the newest
 * request may write state, so a slow answer for an old tab never overwrites the current one.
 */
export function useProductFeed() {
  const items = shallowRef<ProductSummary[]>([])
  /** Bound to van-list's v-model:loading. */
  const loading = ref(false)
  const finished = ref(false)
  /** Failure of the first page (whole-page error state). */
  const error = shallowRef<unknown>(null)
  /** Failure of a later page (van-list's own error row, tap to retry). */
  const moreFailed = ref(false)
  /** True until the current filter's first page has arrived. */
  const initial = ref(true)
  const refreshing = ref(false)

  let filter: FeedFilter = {}
  let page = 0
  let controller: AbortController | null = null

  /** Fetches one page; resolves the error (null on success), or undefined when superseded. */
  async function fetchPage(target: number, replace: boolean): Promise<unknown> {
    controller?.abort()
    const own = new AbortController()
    controller = own
    loading.value = true
    try {
      const list = await listProducts({ ...filter, page: target, pageSize: FEED_PAGE_SIZE }, own.signal)
      if (controller !== own)
        return undefined
      items.value = replace ? list.items : [...items.value, ...list.items]
      page = target
      finished.value = !list.hasMore
      return null
    } catch (e) {
      // Superseded (and aborted by the newer request): its failure is nobody's concern.
      if (controller !== own)
        return undefined
      return e
    } finally {
      if (controller === own) {
        loading.value = false
        initial.value = false
        controller = null
      }
    }
  }

  /** Starts over with a new filter (tab or keyword). */
  async function setFilter(next: FeedFilter) {
    filter = { ...next }
    items.value = []
    page = 0
    finished.value = false
    error.value = null
    moreFailed.value = false
    initial.value = true
    const failure = await fetchPage(1, true)
    if (failure)
      error.value = failure
  }

  /** van-list @load (van-list has already set `loading`): the next page. */
  async function loadMore() {
    if (controller)
      return
    if (finished.value || error.value || initial.value) {
      loading.value = false
      return
    }
    const failure = await fetchPage(page + 1, false)
    if (failure)
      moreFailed.value = true
  }

  /** Pull-to-refresh: page 1 again, keeping the old items on screen until it arrives. */
  async function refresh() {
    refreshing.value = true
    const failure = await fetchPage(1, true)
    refreshing.value = false
    if (failure && items.value.length === 0)
      error.value = failure
    else if (failure)
      void failToast(errorMessage(failure))
    else
      moreFailed.value = false
  }

  /** The error state's 重新加载. */
  function retry() {
    return setFilter(filter)
  }

  return { items, loading, finished, error, moreFailed, initial, refreshing, setFilter, loadMore, refresh, retry }
}

/** Loaded on first use: a failed pull-to-refresh is rare, and the home page's first load stays small. */
async function failToast(message: string) {
  const [{ showFailToast }] = await Promise.all([import('vant/es/toast'), import('vant/es/toast/style')])
  showFailToast(message)
}
