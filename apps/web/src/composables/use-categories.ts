import type { Category } from '@wxshop/shared'
import { shallowRef } from 'vue'
import { listCategories } from '~/api/categories'

/** Category tabs for the home page; on failure the page keeps its 全部 tab and can retry. */
export function useCategories() {
  const categories = shallowRef<Category[]>([])
  const error = shallowRef<unknown>(null)

  async function load() {
    try {
      categories.value = await listCategories()
      error.value = null
    } catch (e) {
      error.value = e
    }
  }

  return { categories, error, load }
}
