import { describe, expect, it } from 'vitest'
import { build } from '../helper'

describe('POST /__control/next-login', () => {
  it('should echo what the next visit will play when the body is valid', async () => {
    const { app } = build()
    const response = await app.inject({ method: 'POST', url: '/__control/next-login', payload: { openid: 'oNextLoginUser01', consent: 'snapshot' } })
    expect(response.json()).toEqual({ nextLogin: { openid: 'oNextLoginUser01', consent: 'snapshot' } })
  })

  it('should answer 400 naming the allowed values when consent is unknown', async () => {
    const { app } = build()
    const response = await app.inject({ method: 'POST', url: '/__control/next-login', payload: { consent: 'yes' } })
    expect(response.statusCode).toBe(400)
    expect(response.json().error.message).toBe('body/consent must be one of allow, deny, snapshot')
  })

  it('should answer 400 when the body says nothing', async () => {
    const { app } = build()
    expect((await app.inject({ method: 'POST', url: '/__control/next-login', payload: {} })).statusCode).toBe(400)
  })

  it('should answer 400 when the body is not JSON', async () => {
    const { app } = build()
    const response = await app.inject({ method: 'POST', url: '/__control/next-login', headers: { 'content-type': 'application/json' }, payload: '{oops' })
    expect(response.statusCode).toBe(400)
    expect(response.json().error.message).toMatch(/JSON/)
  })
})
