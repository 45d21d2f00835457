import { afterEach, describe, expect, it, vi } from 'vitest'
import { ApiError, errorMessage, request } from '~/api/client'
import { stubFetch } from './helpers'

afterEach(() => {
  vi.useRealTimers()
  vi.unstubAllGlobals()
})

async function failure(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(() => null, (e: unknown) => e)
  expect(error).toBeInstanceOf(ApiError)
  return error as ApiError
}

describe('api client', () => {
  it('should send query parameters and return the JSON body', async () => {
    const fetchMock = stubFetch(() => ({ body: { ok: true } }))
    await expect(request('/api/products', { query: { categoryId: 2, q: '', ids: [1, 2], page: undefined } })).resolves.toEqual({ ok: true })
    expect(fetchMock).toHaveBeenCalledWith('/api/products?categoryId=2&ids=1%2C2', expect.objectContaining({ credentials: 'same-origin' }))
  })

  it('should keep the API error code and message when the body has the error shape', async () => {
    stubFetch(() => ({ status: 404, body: { error: { code: 'NOT_FOUND', message: 'Product 9 not found' } } }))
    const error = await failure(request('/api/products/9'))
    expect(error).toMatchObject({ status: 404, code: 'NOT_FOUND', message: 'Product 9 not found' })
    expect(errorMessage(error)).toBe('请求的内容不存在')
  })

  it('should normalise a non-JSON 502 from a proxy into INTERNAL', async () => {
    stubFetch(() => ({ status: 502, text: '<html>Bad Gateway</html>' }))
    const error = await failure(request('/api/products'))
    expect(error).toMatchObject({ status: 502, code: 'INTERNAL' })
    expect(errorMessage(error)).toBe('服务器开小差了，请稍后重试')
  })

  it('should report a network failure as NETWORK with a Chinese message', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => {
      throw new TypeError('Failed to fetch')
    }))
    const error = await failure(request('/api/config'))
    expect(error).toMatchObject({ status: 0, code: 'NETWORK', message: '网络不给力，请稍后重试' })
  })

  it('should give up with TIMEOUT when the server does not answer in time', async () => {
    vi.useFakeTimers()
    vi.stubGlobal('fetch', vi.fn((_input: unknown, init?: RequestInit) => new Promise((_resolve, reject) => {
      init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')))
    })))
    const pending = failure(request('/api/config', { timeoutMs: 10_000 }))
    await vi.advanceTimersByTimeAsync(10_000)
    expect(await pending).toMatchObject({ status: 0, code: 'TIMEOUT' })
  })

  it('should report ABORTED when the caller cancels', async () => {
    vi.stubGlobal('fetch', vi.fn((_input: unknown, init?: RequestInit) => new Promise((_resolve, reject) => {
      init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')))
    })))
    const controller = new AbortController()
    const pending = failure(request('/api/config', { signal: controller.signal }))
    controller.abort()
    expect(await pending).toMatchObject({ code: 'ABORTED' })
  })

  it('should reject with ABORTED without asking when the caller had already given up', async () => {
    // fetch rejects at once for an aborted signal, as browsers do
    const fetchMock = vi.fn((_input: RequestInfo | URL, init?: RequestInit) => init?.signal?.aborted
      ? Promise.reject(new DOMException('aborted', 'AbortError'))
      : Promise.resolve(new Response('{}')))
    vi.stubGlobal('fetch', fetchMock)
    const controller = new AbortController()
    controller.abort()
    expect(await failure(request('/api/config', { signal: controller.signal }))).toMatchObject({ code: 'ABORTED' })
  })

  it('should reject a 200 whose body is not JSON', async () => {
    stubFetch(() => ({ text: '<!doctype html>' }))
    expect(await failure(request('/api/config'))).toMatchObject({ status: 200, code: 'BAD_RESPONSE' })
  })
})
