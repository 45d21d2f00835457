import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type { App } from '../../src/app'
import { build } from '../helper'

describe('GET /api/health', () => {
  let app: App
  beforeAll(async () => {
    app = await build()
  })
  afterAll(() => app.close())

  it('should report ok when the database answers', async () => {
    const response = await app.inject({ url: '/api/health' })
    expect(response.statusCode).toBe(200)
    expect(response.json()).toEqual({ status: 'ok', database: 'ok', uptimeSeconds: expect.any(Number) })
  })

  it('should answer 503 when the database query fails', async () => {
    const spy = vi.spyOn(app.db.getExecutor(), 'executeQuery').mockRejectedValueOnce(new Error('disk I/O error'))
    const response = await app.inject({ url: '/api/health' })
    spy.mockRestore()
    expect(response.statusCode).toBe(503)
    expect(response.json()).toEqual({ error: { code: 'INTERNAL', message: 'database unavailable' } })
  })
})
