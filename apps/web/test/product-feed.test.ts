import { afterEach, describe, expect, it, vi } from 'vitest'
import { useProductFeed } from '~/composables/use-product-feed'
import { product, stubFetch } from './helpers'

afterEach(() => {
  vi.unstubAllGlobals()
})

function page(ids: number[], hasMore = false) {
  return { items: ids.map(id => product({ id })), page: 1, pageSize: 10, total: ids.length, hasMore }
}

describe('useProductFeed', () => {
  it('should load pages of 10 and stop when the API says there is no more', async () => {
    const fetchMock = stubFetch(url => url.searchParams.get('page') === '1'
      ? { body: page([1, 2], true) }
      : { body: page([3]) })
    const feed = useProductFeed()
    await feed.setFilter({ categoryId: 2 })
    expect(feed.items.value.map(p => p.id)).toEqual([1, 2])
    expect(feed.finished.value).toBe(false)
    await feed.loadMore()
    expect(feed.items.value.map(p => p.id)).toEqual([1, 2, 3])
    expect(feed.finished.value).toBe(true)
    const second = new URL(String(fetchMock.mock.calls[1]?.[0]), 'http://localhost')
    expect(Object.fromEntries(second.searchParams)).toEqual({ categoryId: '2', page: '2', pageSize: '10' })
  })

  it('should ignore a slow answer for a filter that is no longer shown', async () => {
    let releaseFirst!: () => void
    vi.stubGlobal('fetch', vi.fn((input: string, init?: RequestInit) => {
      const url = new URL(input, 'http://localhost')
      const body = JSON.stringify(page(url.searchParams.get('q') === 'old' ? [1] : [2]))
      if (url.searchParams.get('q') !== 'old')
        return Promise.resolve(new Response(body))
      return new Promise((resolve, reject) => {
        releaseFirst = () => resolve(new Response(body))
        init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')))
      })
    }))
    const feed = useProductFeed()
    const first = feed.setFilter({ q: 'old' })
    await feed.setFilter({ q: 'new' })
    releaseFirst()
    await first
    expect(feed.items.value.map(p => p.id)).toEqual([2])
    expect(feed.error.value).toBeNull()
  })

  it('should expose the first page failure for the error state and recover on retry', async () => {
    let fail = true
    stubFetch(() => fail ? { status: 500, body: { error: { code: 'INTERNAL', message: 'boom' } } } : { body: page([7]) })
    const feed = useProductFeed()
    await feed.setFilter({})
    expect(feed.error.value).toMatchObject({ code: 'INTERNAL' })
    fail = false
    await feed.retry()
    expect(feed.error.value).toBeNull()
    expect(feed.items.value.map(p => p.id)).toEqual([7])
  })
})
