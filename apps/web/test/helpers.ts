import type { Me, ProductSummary } from '@wxshop/shared'
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

export interface ApiCall {
  method: string
  /** Path and query, e.g. `/api/me`. */
  path: string
  body: unknown
}

export interface ApiAnswer {
  status?: number
  body?: unknown
  /** Reject like fetch does when the network is down. */
  networkError?: boolean
}

/** Replaces global fetch with `handler(call)`; returns the list of calls it received, in order. */
export function stubApi(handler: (call: ApiCall) => ApiAnswer) {
  const calls: ApiCall[] = []
  vi.stubGlobal('fetch', vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input), 'http://localhost')
    const call: ApiCall = {
      method: init?.method ?? 'GET',
      path: url.pathname + url.search,
      body: typeof init?.body === 'string' ? JSON.parse(init.body) : undefined,
    }
    calls.push(call)
    const { status = 200, body, networkError } = handler(call)
    if (networkError)
      throw new TypeError('Failed to fetch')
    return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } })
  }))
  return calls
}

/** An API error body, as every route answers it. */
export function apiError(status: number, code: string, message = code): ApiAnswer {
  return { status, body: { error: { code, message } } }
}

export function me(overrides: Partial<Me> = {}): Me {
  return {
    openid: 'oAbc000000000000000000000001',
    scope: 'snsapi_base',
    snapshot: false,
    profile: null,
    account: null,
    subscribed: null,
    ...overrides,
  }
}

/** A bound shop account as the API shows it: the phone already masked. */
export const account: NonNullable<Me['account']> = { id: 1, phone: '138****8000' }

export const profile: NonNullable<Me['profile']> = {
  nickname: '小明',
  headimgurl: 'http://127.0.0.1:3100/avatars/xiaoming.svg',
  sex: 0,
  province: '',
  city: '',
  country: '',
}

export interface HeldRequest {
  url: URL
  /** Sends the answer now (JSON `body`, status 200 unless given). */
  answer: (response: { status?: number, body: unknown }) => void
}

/**
 * Replaces global fetch with one whose answers wait until the test sends them, in any order. Like
 * a response already on its way, an answer still arrives after the request was aborted: what
 * happens then is the caller's job, which is what these tests are about.
 */
export function stubHeldFetch(): HeldRequest[] {
  const held: HeldRequest[] = []
  vi.stubGlobal('fetch', vi.fn((input: RequestInfo | URL) => new Promise<Response>((resolve) => {
    held.push({
      url: new URL(String(input), 'http://localhost'),
      answer: ({ status = 200, body }) => resolve(new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } })),
    })
  })))
  return held
}
