import type { ProductList, ProductSummary } from '@wxshop/shared'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { App } from '../../src/app'
import { seedCategories, seedProducts } from '../../src/db/seed/catalog-data'
import { build } from '../helper'

// Expectations come from the seed data itself, so they hold whatever the catalog contains.

describe('GET /api/products', () => {
  let app: App
  const list = async (query: string): Promise<ProductList> => {
    const response = await app.inject({ url: `/api/products${query}` })
    expect(response.statusCode, response.body).toBe(200)
    return response.json()
  }
  const slugOf = (item: ProductSummary) => seedProducts[item.id - 1]?.slug

  beforeAll(async () => {
    app = await build()
  })
  afterAll(() => app.close())

  it('should return the first page of 10 best sellers when no query is given', async () => {
    const page = await list('')
    expect(page).toMatchObject({ page: 1, pageSize: 10, total: seedProducts.length, hasMore: seedProducts.length > 10 })
    const bySales = seedProducts.map((product, index) => ({ ...product, id: index + 1 }))
      .sort((a, b) => b.sales - a.sales || a.id - b.id)
    expect(page.items.map(item => item.id)).toEqual(bySales.slice(0, 10).map(product => product.id))
    expect(page.items[0]!.coverImage).toBe(bySales[0]!.images[0])
  })

  it('should keep only that category when filtering by categoryId', async () => {
    // the seed inserts in array order, so the first seed category gets id 1
    const categoryId = 1
    const category = seedCategories[0]!
    const page = await list(`?categoryId=${categoryId}&pageSize=50`)
    expect(page.items.every(item => item.categoryId === categoryId)).toBe(true)
    expect(page.items.map(slugOf).sort()).toEqual(seedProducts.filter(p => p.categorySlug === category.slug).map(p => p.slug).sort())
  })

  it('should match name or subtitle when searching with q', async () => {
    const keyword = seedProducts[0]!.name.slice(0, 2)
    const matches = (text: string) => text.toLowerCase().includes(keyword.toLowerCase())
    const expected = seedProducts.filter(p => matches(p.name) || matches(p.subtitle)).map(p => p.slug).sort()
    const page = await list(`?q=${encodeURIComponent(keyword)}&pageSize=50`)
    expect(expected.length).toBeGreaterThan(0)
    expect(page.items.map(slugOf).sort()).toEqual(expected)
  })

  it('should match % literally when searching for it', async () => {
    const expected = seedProducts.filter(p => p.name.includes('%') || p.subtitle.includes('%')).length
    expect((await list('?q=%25&pageSize=50')).total).toBe(expected)
    expect((await list('?q=_&pageSize=50')).total).toBe(seedProducts.filter(p => p.name.includes('_') || p.subtitle.includes('_')).length)
  })

  it('should walk through every product once when paging', async () => {
    const seen: number[] = []
    for (let page = 1; ; page++) {
      const result = await list(`?page=${page}&pageSize=7`)
      seen.push(...result.items.map(item => item.id))
      if (!result.hasMore)
        break
    }
    expect(seen.sort((a, b) => a - b)).toEqual(seedProducts.map((_, index) => index + 1))
  })

  it('should return just those products when given ids for a cart refresh', async () => {
    const page = await list('?ids=3,1,3&pageSize=50')
    expect(page.items.map(item => item.id).sort()).toEqual([1, 3])
    expect(page.total).toBe(2)
  })

  it('should read numbers from the query string when they arrive as text', async () => {
    const second = await list('?page=2&pageSize=3')
    expect(second).toMatchObject({ page: 2, pageSize: 3 })
    expect(second.items).toHaveLength(3)
  })

  it('should ignore unknown query parameters when some are given', async () => {
    const plain = await app.inject({ url: '/api/products?page=2' })
    const extra = await app.inject({ url: '/api/products?page=2&sort=price&debug=1&__proto__=x' })
    expect(extra.statusCode).toBe(200)
    expect(extra.body).toBe(plain.body)
  })

  it.each([
    ['?page=-1', 'page must be an integer from 1 to 10000'],
    ['?page=abc', 'page must be an integer from 1 to 10000'],
    ['?pageSize=51', 'pageSize must be an integer from 1 to 50'],
    ['?categoryId=0', 'categoryId must be an integer ≥ 1'],
    ['?q=', 'q must be text of 1 to 50 characters'],
    ['?ids=1,a', 'ids is not valid: expected comma-separated ids'],
    ['?pageSize=Infinity', 'pageSize must be an integer from 1 to 50'],
    ['?page=1e400', 'page must be an integer from 1 to 10000'],
    ['?page=NaN', 'page must be an integer from 1 to 10000'],
    ['?categoryId=Infinity', 'categoryId must be an integer ≥ 1'],
  ])('should answer 400 VALIDATION when the query is %s', async (query, message) => {
    const response = await app.inject({ url: `/api/products${query}` })
    expect(response.statusCode).toBe(400)
    expect(response.json().error.code).toBe('VALIDATION')
    expect(response.json().error.message).toContain(message)
  })
})

describe('GET /api/products/:id', () => {
  let app: App
  beforeAll(async () => {
    app = await build()
  })
  afterAll(() => app.close())

  it('should return the full product when it exists', async () => {
    const response = await app.inject({ url: '/api/products/1' })
    expect(response.statusCode).toBe(200)
    const seed = seedProducts[0]!
    expect(response.json()).toEqual({
      id: 1,
      categoryId: expect.any(Number),
      name: seed.name,
      subtitle: seed.subtitle,
      description: seed.description,
      priceFen: seed.priceFen,
      originalPriceFen: seed.originalPriceFen,
      stock: seed.stock,
      sales: seed.sales,
      coverImage: seed.images[0],
      images: seed.images,
    })
  })

  it('should answer 400 with a readable message when the id is not a number', async () => {
    const response = await app.inject({ url: '/api/products/abc' })
    expect(response.statusCode).toBe(400)
    expect(response.json()).toEqual({ error: { code: 'VALIDATION', message: 'id must be an integer ≥ 1' } })
  })

  it.each(['Infinity', '1e400', '-Infinity', 'NaN'])('should answer 400 VALIDATION when the id is %s', async (id) => {
    const response = await app.inject({ url: `/api/products/${id}` })
    expect(response.statusCode).toBe(400)
    expect(response.json()).toEqual({ error: { code: 'VALIDATION', message: 'id must be an integer ≥ 1' } })
  })

  it('should answer 404 NOT_FOUND when the product does not exist', async () => {
    const response = await app.inject({ url: '/api/products/999999' })
    expect(response.statusCode).toBe(404)
    expect(response.json()).toEqual({ error: { code: 'NOT_FOUND', message: 'product 999999 not found' } })
  })
})
