import type { Kysely } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Database } from '../../src/db/schema'
import { createCategoryRepository, type CategoryRepository } from '../../src/repositories/category-repository'
import { createProductRepository, type ProductRepository } from '../../src/repositories/product-repository'
import { fixtureCatalog, fixtureId } from '../fixtures/catalog'

/**
 * The repository tests, run once per dialect: `open` hands back a migrated database holding
 * exactly `fixtureCatalog`. Shared so SQLite and PostgreSQL are held to the same behaviour.
 */
export function describeCatalogRepositories(name: string, open: () => Promise<Kysely<Database>>): void {
  describe(name, () => {
    let db: Kysely<Database>
    let products: ProductRepository
    let categories: CategoryRepository
    const page = { page: 1, pageSize: 50 }
    const slugsOf = (items: { id: number }[]) => items.map(item => fixtureCatalog.products[item.id - 1]?.slug)

    beforeAll(async () => {
      db = await open()
      products = createProductRepository(db)
      categories = createCategoryRepository(db)
    })
    afterAll(async () => {
      await db?.destroy()
    })

    it('should list categories by sort order when asked for all', async () => {
      const list = await categories.list()
      expect(list.map(category => category.slug)).toEqual(['daily', 'fruit'])
      expect(list[0]).toEqual({ id: 2, slug: 'daily', name: '日用', sortOrder: 1 })
    })

    it('should order products by sales then id when listing', async () => {
      const list = await products.list(page)
      expect(list.total).toBe(fixtureCatalog.products.length)
      expect(slugsOf(list.items)).toEqual(['pear', 'underscore', 'apple', 'towel', 'socks', 'plain', 'juice'])
    })

    it('should map a row to the shared summary shape when listing', async () => {
      const list = await products.list({ ...page, ids: [fixtureId('apple')] })
      expect(list.items).toEqual([{
        id: fixtureId('apple'),
        categoryId: 1,
        name: '红富士苹果',
        subtitle: '脆甜多汁',
        priceFen: 1990,
        originalPriceFen: 2990,
        stock: 10,
        sales: 100,
        coverImage: '/images/products/apple-1.svg',
      }])
    })

    it('should keep only one category when filtering by categoryId', async () => {
      const list = await products.list({ ...page, categoryId: 1 })
      expect(slugsOf(list.items)).toEqual(['pear', 'apple', 'juice'])
      expect(list.total).toBe(3)
    })

    it('should match name or subtitle ignoring case when searching', async () => {
      expect(slugsOf((await products.list({ ...page, q: 'apple' })).items)).toEqual(['juice'])
      expect(slugsOf((await products.list({ ...page, q: 'JUICY' })).items)).toEqual(['pear'])
      expect(slugsOf((await products.list({ ...page, q: '纯棉' })).items)).toEqual(['towel', 'socks'])
    })

    it('should give the best-selling matches, at most the limit, when the message push searches', async () => {
      const all = slugsOf((await products.list({ ...page, q: '纯棉' })).items)
      expect(slugsOf(await products.topMatches('纯棉', 5))).toEqual(all)
      expect(slugsOf(await products.topMatches('纯棉', 1))).toEqual(all.slice(0, 1))
      expect(await products.topMatches('没有这种东西', 3)).toEqual([])
    })

    it('should treat % and _ literally when searching', async () => {
      expect(slugsOf((await products.list({ ...page, q: '100%' })).items)).toEqual(['towel'])
      expect(slugsOf((await products.list({ ...page, q: 'A_B' })).items)).toEqual(['underscore'])
      expect((await products.list({ ...page, q: '%' })).total).toBe(1)
      expect((await products.list({ ...page, q: '\\' })).total).toBe(0)
    })

    it('should combine filters when given category and keyword', async () => {
      const list = await products.list({ ...page, categoryId: 2, q: '测试' })
      expect(slugsOf(list.items)).toEqual(['underscore', 'plain'])
    })

    it('should return only the asked products when given ids', async () => {
      const list = await products.list({ ...page, ids: [fixtureId('plain'), fixtureId('apple'), 999] })
      expect(slugsOf(list.items)).toEqual(['apple', 'plain'])
      expect(list.total).toBe(2)
      expect((await products.list({ ...page, ids: [] })).items).toEqual([])
    })

    it('should split into stable pages with hasMore when paginating', async () => {
      const first = await products.list({ page: 1, pageSize: 3 })
      const second = await products.list({ page: 2, pageSize: 3 })
      const last = await products.list({ page: 3, pageSize: 3 })
      expect([first.hasMore, second.hasMore, last.hasMore]).toEqual([true, true, false])
      expect([...slugsOf(first.items), ...slugsOf(second.items), ...slugsOf(last.items)])
        .toEqual(slugsOf((await products.list(page)).items))
      expect(await products.list({ page: 4, pageSize: 3 })).toEqual({ items: [], page: 4, pageSize: 3, total: 7, hasMore: false })
    })

    it('should return the detail with all images when finding by id', async () => {
      const pear = await products.findById(fixtureId('pear'))
      expect(pear).toMatchObject({
        id: fixtureId('pear'),
        name: '砀山酥梨',
        description: '砀山酥梨的详细介绍',
        originalPriceFen: null,
        coverImage: '/images/products/pear-1.svg',
        images: ['/images/products/pear-1.svg', '/images/products/pear-2.svg'],
      })
    })

    it('should return undefined when the id does not exist', async () => {
      expect(await products.findById(999)).toBeUndefined()
    })
  })
}
