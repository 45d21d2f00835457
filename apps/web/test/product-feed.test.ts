import { closeToast } from 'vant'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { useProductFeed } from '~/composables/use-product-feed'
import { product, stubFetch, stubHeldFetch } from './helpers'

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
    const held = stubHeldFetch()
    const feed = useProductFeed()
    const old = feed.setFilter({ q: 'old' })
    const shown = feed.setFilter({ q: 'new' })
    held[1]!.answer({ body: page([2]) })
    await shown
    // the old answer arrives last, although its request was aborted
    held[0]!.answer({ body: page([1], true) })
    await old
    expect(feed.items.value.map(p => p.id)).toEqual([2])
    expect(feed.finished.value).toBe(true)
    expect(feed.error.value).toBeNull()
  })

  it('should not show a failure of a filter that is no longer shown', async () => {
    const held = stubHeldFetch()
    const feed = useProductFeed()
    const old = feed.setFilter({ q: 'old' })
    const shown = feed.setFilter({ q: 'new' })
    held[1]!.answer({ body: page([2]) })
    await shown
    held[0]!.answer({ status: 500, body: { error: { code: 'INTERNAL', message: 'boom' } } })
    await old
    expect(feed.error.value).toBeNull()
    expect(feed.items.value.map(p => p.id)).toEqual([2])
  })

  it('should keep the skeleton while the shown filter is still loading, whatever an old request does', async () => {
    const held = stubHeldFetch()
    const feed = useProductFeed()
    const old = feed.setFilter({ q: 'old' })
    void feed.setFilter({ q: 'new' })
    held[0]!.answer({ body: page([1]) })
    await old
    expect(feed.initial.value).toBe(true)
    expect(feed.loading.value).toBe(true)
    expect(feed.items.value).toEqual([])
  })

  it('should ask for the next page once while it is loading, however often van-list asks', async () => {
    const held = stubHeldFetch()
    const feed = useProductFeed()
    const first = feed.setFilter({})
    held[0]!.answer({ body: page([1, 2], true) })
    await first
    const more = feed.loadMore()
    void feed.loadMore()
    expect(held.map(request => request.url.searchParams.get('page'))).toEqual(['1', '2'])
    held[1]!.answer({ body: { ...page([3]), page: 2 } })
    await more
    expect(feed.items.value.map(p => p.id)).toEqual([1, 2, 3])
  })

  it('should ask for nothing more after the last page, and end van-list\'s loading', async () => {
    const fetchMock = stubFetch(() => ({ body: page([1]) }))
    const feed = useProductFeed()
    await feed.setFilter({})
    expect(feed.finished.value).toBe(true)
    feed.loading.value = true // van-list sets it before @load
    await feed.loadMore()
    expect(fetchMock).toHaveBeenCalledTimes(1)
    expect(feed.loading.value).toBe(false)
  })

  it('should load nothing more under the first page\'s error state', async () => {
    const fetchMock = stubFetch(() => ({ status: 500, body: { error: { code: 'INTERNAL', message: 'boom' } } }))
    const feed = useProductFeed()
    await feed.setFilter({})
    feed.loading.value = true
    await feed.loadMore()
    expect(fetchMock).toHaveBeenCalledTimes(1)
    expect(feed.items.value).toEqual([])
    expect(feed.loading.value).toBe(false)
  })

  it('should load nothing before the page has chosen its first filter', async () => {
    const fetchMock = stubFetch(() => ({ body: page([1]) }))
    const feed = useProductFeed()
    feed.loading.value = true
    await feed.loadMore()
    expect(fetchMock).not.toHaveBeenCalled()
    expect(feed.loading.value).toBe(false)
  })

  it('should keep the list on screen when a pull-to-refresh fails', async () => {
    let fail = false
    stubFetch(() => fail ? { status: 500, body: { error: { code: 'INTERNAL', message: 'boom' } } } : { body: page([1, 2]) })
    const feed = useProductFeed()
    await feed.setFilter({})
    fail = true
    await feed.refresh()
    expect(feed.error.value).toBeNull()
    expect(feed.items.value.map(p => p.id)).toEqual([1, 2])
    expect(feed.refreshing.value).toBe(false)
    // a toast says why instead (Vant's toast is loaded on first use)
    await vi.waitFor(() => expect(document.body.textContent).toContain('服务器开小差了，请稍后重试'))
    closeToast(true)
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
