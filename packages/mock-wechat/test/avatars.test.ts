import { describe, expect, it } from 'vitest'
import { build } from './helper'

describe('GET /avatars/:seed.svg', () => {
  it('should draw the same SVG avatar for the same seed', async () => {
    const { app } = build()
    const first = await app.inject({ url: '/avatars/oPersonaAlice01.svg' })
    expect(first.statusCode).toBe(200)
    expect(first.headers['content-type']).toBe('image/svg+xml')
    expect(first.body).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/)
    expect((await app.inject({ url: '/avatars/oPersonaAlice01.svg' })).body).toBe(first.body)
    expect((await app.inject({ url: '/avatars/oPersonaBob0001.svg' })).body).not.toBe(first.body)
  })

  it('should refuse a name that is not a seed followed by .svg', async () => {
    const { app } = build()
    expect((await app.inject({ url: '/avatars/x.png' })).statusCode).toBe(400)
    expect((await app.inject({ url: '/avatars/%3Cscript%3E.svg' })).statusCode).toBe(400)
  })
})
