import { ErrorCode, type Product } from '@wxshop/shared'
import { type MaybeRefOrGetter, ref, shallowRef, toValue, watch } from 'vue'
import { isApiError } from '~/api/client'
import { getProduct } from '~/api/products'

/** One product for the detail page; reloads when the id changes. */
export function useProduct(id: MaybeRefOrGetter<number>) {
  const product = shallowRef<Product | null>(null)
  const loading = ref(true)
  const error = shallowRef<unknown>(null)
  /** The API said 404: the product never existed or was taken off the shelf. */
  const notFound = ref(false)
  let controller: AbortController | null = null

  async function load() {
    controller?.abort()
    const own = new AbortController()
    controller = own
    loading.value = true
    error.value = null
    notFound.value = false
    try {
      const value = await getProduct(toValue(id), own.signal)
      if (controller === own)
        product.value = value
    } catch (e) {
      if (controller !== own)
        return
      product.value = null
      if (isApiError(e) && e.code === ErrorCode.NotFound)
        notFound.value = true
      else
        error.value = e
    } finally {
      if (controller === own)
        loading.value = false
    }
  }

  watch(() => toValue(id), load, { immediate: true })

  return { product, loading, error, notFound, reload: load }
}
