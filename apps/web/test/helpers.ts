import type { ProductSummary } from '@wxshop/shared'
import { vi } from 'vitest'

export function product(overrides: Partial<ProductSummary> & { id: number }): ProductSummary {
  return {
    categoryId: 1,
    name: `商品 ${overrides.id}`,
    subtitle: '',
    priceFen: 1000,
    originalPriceFen: null,
    stock: 10,
    sales: 0,
    coverImage: `/images/products/p${overrides.id}-1.svg`,
    ...overrides,
  }
}

/** Replaces global fetch with one that answers `handler(url)` as JSON; returns the mock. */
export function stubFetch(handler: (url: URL) => { status?: number, body?: unknown, text?: string }) {
  const fetchMock = vi.fn(async (input: RequestInfo | URL) => {
    const url = new URL(String(input), 'http://localhost')
    const { status = 200, body, text } = handler(url)
    return new Response(text ?? JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } })
  })
  vi.stubGlobal('fetch', fetchMock)
  return fetchMock
}
