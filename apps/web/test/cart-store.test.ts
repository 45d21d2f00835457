import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { CART_STORAGE_KEY, parseCart, useCartStore } from '~/stores/cart'
import { product, stubFetch, stubHeldFetch } from './helpers'

beforeEach(() => {
  localStorage.clear()
  setActivePinia(createPinia())
})

afterEach(() => {
  vi.unstubAllGlobals()
})

describe('cart store', () => {
  it('should merge repeated adds of one product into one line', () => {
    const cart = useCartStore()
    cart.add(product({ id: 1 }), 2)
    cart.add(product({ id: 1 }), 3)
    expect(cart.lines).toHaveLength(1)
    expect(cart.lines[0]?.quantity).toBe(5)
    expect(cart.count).toBe(5)
  })

  it('should cap the quantity at the stock when adding more than is left', () => {
    const cart = useCartStore()
    expect(cart.add(product({ id: 1, stock: 3 }), 2)).toEqual({ added: 2, quantity: 2, capped: false })
    expect(cart.add(product({ id: 1, stock: 3 }), 5)).toEqual({ added: 1, quantity: 3, capped: true })
    expect(cart.add(product({ id: 1, stock: 3 }), 1)).toEqual({ added: 0, quantity: 3, capped: true })
    cart.setQuantity(1, 99)
    expect(cart.lines[0]?.quantity).toBe(3)
    cart.setQuantity(1, 0)
    expect(cart.lines[0]?.quantity).toBe(1)
  })

  it('should not add a sold-out product', () => {
    const cart = useCartStore()
    expect(cart.add(product({ id: 1, stock: 0 })).added).toBe(0)
    expect(cart.lines).toHaveLength(0)
  })

  it('should total the selected lines in integer fen', () => {
    const cart = useCartStore()
    cart.add(product({ id: 1, priceFen: 1990 }), 3)
    cart.add(product({ id: 2, priceFen: 1 }), 7)
    cart.add(product({ id: 3, priceFen: 12345 }), 1)
    expect(cart.totalFen).toBe(1990 * 3 + 7 + 12345)
    expect(cart.selectedCount).toBe(11)
    cart.toggle(3)
    expect(cart.totalFen).toBe(5977)
    expect(cart.allSelected).toBe(false)
    cart.selectAll(false)
    expect(cart.totalFen).toBe(0)
    cart.selectAll(true)
    expect(cart.allSelected).toBe(true)
    cart.remove(1, 2)
    expect(cart.totalFen).toBe(12345)
  })

  it('should keep the cart across a reload', () => {
    const cart = useCartStore()
    cart.add(product({ id: 4, name: '云南小粒咖啡', priceFen: 5900 }), 2)
    cart.toggle(4)

    setActivePinia(createPinia())
    const reloaded = useCartStore()
    expect(reloaded.lines).toEqual([
      expect.objectContaining({ productId: 4, name: '云南小粒咖啡', priceFen: 5900, quantity: 2, selected: false }),
    ])
  })

  it('should drop corrupt storage instead of crashing', () => {
    localStorage.setItem(CART_STORAGE_KEY, '{not json')
    const cart = useCartStore()
    expect(cart.lines).toEqual([])
    expect(localStorage.getItem(CART_STORAGE_KEY)).toBeNull()
  })

  it('should drop malformed lines and keep the valid ones', () => {
    const valid = { productId: 2, name: 'ok', coverImage: '/a.svg', priceFen: 100, stock: 5, quantity: 1, selected: true }
    const raw = JSON.stringify({ lines: [
      valid,
      { ...valid, productId: 3, priceFen: 1.5 },
      { ...valid, productId: 4, quantity: 0 },
      { ...valid, productId: 5, name: 42 },
      'nonsense',
      null,
      { ...valid },
    ] })
    expect(parseCart(raw)).toEqual([{ ...valid, unavailable: null }])
    expect(parseCart(JSON.stringify({ lines: 'x' }))).toEqual([])
    expect(parseCart('null')).toEqual([])
  })

  it('should update prices and flag vanished or sold-out products when refreshing', async () => {
    const cart = useCartStore()
    cart.add(product({ id: 1, name: '苹果', priceFen: 1000 }), 2)
    cart.add(product({ id: 2, name: '香蕉', priceFen: 500 }), 4)
    cart.add(product({ id: 3, name: '橙子', priceFen: 800 }))
    cart.add(product({ id: 4, name: '梨', priceFen: 600 }))
    const fetchMock = stubFetch(() => ({
      body: {
        items: [
          product({ id: 1, name: '苹果', priceFen: 900 }),
          product({ id: 2, name: '香蕉', priceFen: 500, stock: 3 }),
          product({ id: 3, name: '橙子', priceFen: 800, stock: 0 }),
        ],
        page: 1,
        pageSize: 4,
        total: 3,
        hasMore: false,
      },
    }))

    const report = await cart.refreshPrices()

    const url = new URL(String(fetchMock.mock.calls[0]?.[0]), 'http://localhost')
    expect(url.pathname).toBe('/api/products')
    expect(url.searchParams.get('ids')).toBe('1,2,3,4')
    expect(report).toEqual({ priceChanged: ['苹果'], quantityReduced: ['香蕉'], soldOut: ['橙子'], removed: ['梨'] })
    const byId = Object.fromEntries(cart.lines.map(line => [line.productId, line]))
    expect(byId[1]).toMatchObject({ priceFen: 900, unavailable: null, selected: true })
    expect(byId[2]).toMatchObject({ quantity: 3, stock: 3, unavailable: null })
    expect(byId[3]).toMatchObject({ unavailable: 'soldOut', selected: false })
    expect(byId[4]).toMatchObject({ unavailable: 'removed', selected: false })
    // Unavailable lines can neither be selected nor counted in the total.
    cart.toggle(3)
    cart.selectAll(true)
    expect(byId[3]?.selected).toBe(false)
    expect(cart.totalFen).toBe(900 * 2 + 500 * 3)
    cart.clearUnavailable()
    expect(cart.lines.map(line => line.productId)).toEqual([1, 2])
  })

  it('should report nothing when a refresh finds no change', async () => {
    const cart = useCartStore()
    cart.add(product({ id: 1 }))
    stubFetch(() => ({ body: { items: [product({ id: 1 })], page: 1, pageSize: 1, total: 1, hasMore: false } }))
    expect(await cart.refreshPrices()).toEqual({ priceChanged: [], quantityReduced: [], soldOut: [], removed: [] })
  })

  it('should leave alone a line added while a refresh was out', async () => {
    const cart = useCartStore()
    cart.add(product({ id: 1, name: '苹果' }))
    const held = stubHeldFetch()
    const refreshed = cart.refreshPrices()
    cart.add(product({ id: 2, name: '香蕉' }))
    held[0]!.answer({ body: { items: [product({ id: 1, name: '苹果' })], page: 1, pageSize: 1, total: 1, hasMore: false } })
    expect(await refreshed).toEqual({ priceChanged: [], quantityReduced: [], soldOut: [], removed: [] })
    expect(cart.lines.find(line => line.productId === 2)).toMatchObject({ unavailable: null, selected: true })
  })

  it('should not ask the API when the cart is empty', async () => {
    const fetchMock = stubFetch(() => ({ status: 500, body: {} }))
    expect(await useCartStore().refreshPrices()).toEqual({ priceChanged: [], quantityReduced: [], soldOut: [], removed: [] })
    expect(fetchMock).not.toHaveBeenCalled()
  })

  it('should ignore a quantity that is not a number, and any change to a sold-out line', async () => {
    const cart = useCartStore()
    cart.add(product({ id: 1, stock: 5 }), 2)
    cart.setQuantity(1, Number.NaN)
    expect(cart.lines[0]?.quantity).toBe(2)
    cart.add(product({ id: 2, stock: 5 }), 2)
    stubFetch(() => ({ body: { items: [product({ id: 1, stock: 5 }), product({ id: 2, stock: 0 })], page: 1, pageSize: 2, total: 2, hasMore: false } }))
    await cart.refreshPrices()
    cart.setQuantity(2, 1)
    expect(cart.lines[1]).toMatchObject({ quantity: 2, unavailable: 'soldOut' })
  })

  it('should follow the cart another tab of the shop saved, and nothing else in storage', () => {
    const cart = useCartStore()
    cart.add(product({ id: 1 }))
    const other = { productId: 9, name: '别的标签页', coverImage: '/a.svg', priceFen: 100, stock: 5, quantity: 1, selected: true }
    window.dispatchEvent(new StorageEvent('storage', { key: 'wxshop:other', newValue: JSON.stringify({ lines: [other] }) }))
    expect(cart.lines.map(line => line.productId)).toEqual([1])
    window.dispatchEvent(new StorageEvent('storage', { key: CART_STORAGE_KEY, newValue: JSON.stringify({ lines: [other] }) }))
    expect(cart.lines.map(line => line.productId)).toEqual([9])
  })
})
