import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { App } from '../../src/app'
import { seedCategories } from '../../src/db/seed/catalog-data'
import { build } from '../helper'

describe('GET /api/categories', () => {
  let app: App
  beforeAll(async () => {
    app = await build()
  })
  afterAll(() => app.close())

  it('should list the seeded categories in sort order when asked', async () => {
    const response = await app.inject({ url: '/api/categories' })
    expect(response.statusCode).toBe(200)
    const { items } = response.json() as { items: { slug: string, name: string, sortOrder: number }[] }
    const expected = [...seedCategories].sort((a, b) => a.sortOrder - b.sortOrder)
    expect(items.map(({ slug, name, sortOrder }) => ({ slug, name, sortOrder }))).toEqual(expected)
  })

  it('should ignore query parameters when some are given', async () => {
    const plain = await app.inject({ url: '/api/categories' })
    const extra = await app.inject({ url: '/api/categories?foo=bar&page=abc' })
    expect(extra.statusCode).toBe(200)
    expect(extra.body).toBe(plain.body)
  })
})
