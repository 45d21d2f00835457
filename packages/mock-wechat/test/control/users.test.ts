import { describe, expect, it } from 'vitest'
import { build } from '../helper'

describe('PUT /__control/users/:openid and GET /__control/users', () => {
  it('should create a user with defaults and a mock-served avatar when the openid is new', async () => {
    const { app } = build()
    const response = await app.inject({ method: 'PUT', url: '/__control/users/oPersonaAlice01', payload: { nickname: 'Alice', subscribe: 1 } })
    expect(response.statusCode).toBe(200)
    expect(response.json()).toEqual({
      created: true,
      user: { openid: 'oPersonaAlice01', nickname: 'Alice', headimgurl: 'http://localhost:80/avatars/oPersonaAlice01.svg', sex: 0, province: '', city: '', country: '', subscribe: 1 },
    })
  })

  it('should change only the given fields when the user exists', async () => {
    const { app } = build()
    await app.inject({ method: 'PUT', url: '/__control/users/oPersonaAlice01', payload: { nickname: 'Alice', city: '深圳' } })
    const response = await app.inject({ method: 'PUT', url: '/__control/users/oPersonaAlice01', payload: { unionid: 'oUnionIdOfAlice' } })
    expect(response.json()).toMatchObject({ created: false, user: { nickname: 'Alice', city: '深圳', unionid: 'oUnionIdOfAlice' } })
  })

  it('should list every user the mock knows, including those created by visits', async () => {
    const { app } = build()
    await app.inject({ method: 'PUT', url: '/__control/users/oPersonaAlice01', payload: {} })
    await app.inject({ url: '/connect/oauth2/authorize?appid=wxa1b2c3d4e5f60718&redirect_uri=http%3A%2F%2Flocalhost%3A3000%2F&response_type=code&scope=snsapi_base' })
    const { users } = (await app.inject({ url: '/__control/users' })).json()
    expect(users).toHaveLength(2)
    expect(users[0].openid).toBe('oPersonaAlice01')
  })

  it.each([
    [{ nickName: 'typo' }, 'body has an unknown property "nickName"'],
    [{ sex: 3 }, 'body/sex must be one of 0, 1, 2'],
    [{ subscribe: true }, 'body/subscribe must be one of 0, 1'],
    [{ headimgurl: 'ftp://x/y.png' }, 'body/headimgurl must match pattern'],
    [{ nickname: '' }, 'body/nickname must NOT have fewer than 1 characters'],
  ])('should answer 400 with a clear message when the body is %j', async (payload, message) => {
    const { app } = build()
    const response = await app.inject({ method: 'PUT', url: '/__control/users/oPersonaAlice01', payload })
    expect(response.statusCode).toBe(400)
    expect(response.json().error.code).toBe('VALIDATION')
    expect(response.json().error.message).toContain(message)
  })

  it('should answer 400 when the openid has characters no openid has', async () => {
    const { app } = build()
    const response = await app.inject({ method: 'PUT', url: '/__control/users/o%20bad', payload: {} })
    expect(response.statusCode).toBe(400)
    expect(response.json().error.message).toMatch(/^params\/openid/)
  })
})
