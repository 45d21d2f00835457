import type { Category, CategoryList } from '@wxshop/shared'
import { request } from './client'

export async function listCategories(signal?: AbortSignal): Promise<Category[]> {
  const { items } = await request<CategoryList>('/api/categories', { signal })
  return [...items].sort((a, b) => a.sortOrder - b.sortOrder)
}
