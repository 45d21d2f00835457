import type { Product, ProductList } from '@wxshop/shared'
import { request } from './client'

export interface ProductListParams {
  categoryId?: number
  /** Keyword matched against name and subtitle. */
  q?: string
  /** Exact products, at most 50 (the cart's price refresh). */
  ids?: readonly number[]
  page?: number
  pageSize?: number
}

export function listProducts(params: ProductListParams = {}, signal?: AbortSignal): Promise<ProductList> {
  const { categoryId, q, ids, page, pageSize } = params
  return request<ProductList>('/api/products', {
    query: { categoryId, q: q?.trim(), ids, page, pageSize },
    signal,
  })
}

export function getProduct(id: number, signal?: AbortSignal): Promise<Product> {
  return request<Product>(`/api/products/${id}`, { signal })
}
