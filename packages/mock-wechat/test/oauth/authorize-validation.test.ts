import { describe, expect, it } from 'vitest'
import { authorize, build, location } from '../helper'

function errorOf(body: string) {
  return {
    title: /<h1 class="msg__title">(.*?)<\/h1>/.exec(body)?.[1],
    desc: /<p class="msg__desc">(.*?)<\/p>/.exec(body)?.[1]?.replace(/<[^>]+>/g, ''),
    errcode: /data-errcode="(-?\d*)"/.exec(body)?.[1],
  }
}

describe('GET /connect/oauth2/authorize — refused requests', () => {
  it('should show WeChat\'s Oops page with 10012 when appid is missing', async () => {
    const { app } = build()
    const response = await authorize(app, { appid: undefined })
    expect(response.statusCode).toBe(200)
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8')
    expect(errorOf(response.body)).toEqual({ title: 'Oops! Something went wrong:(', desc: 'appid 不能为空，错误码：10012', errcode: '10012' })
  })

  it('should show 10016 when the appid is not the configured account', async () => {
    const { app } = build()
    const response = await authorize(app, { appid: 'wx0000000000000000' })
    expect(errorOf(response.body).errcode).toBe('10016')
    expect(response.body).toContain('不支持微信开放平台的 Appid，请使用公众号 Appid')
  })

  it('should show 10011 when redirect_uri is missing', async () => {
    const { app } = build()
    expect(errorOf((await authorize(app, { redirect_uri: undefined })).body).errcode).toBe('10011')
  })

  it('should show 10003 when the redirect_uri host is not the authorisation domain', async () => {
    const { app } = build()
    const response = await authorize(app, { redirect_uri: 'https://evil.example.com/cb' })
    expect(errorOf(response.body).desc).toBe('redirect_uri 域名与后台配置不一致，错误码：10003')
  })

  it('should show 10003 when the redirect_uri is on a subdomain of the authorisation domain', async () => {
    const { app } = build({ env: { PUBLIC_URL: 'https://shop.example.com' } })
    expect(errorOf((await authorize(app, { redirect_uri: 'https://www.shop.example.com/cb' })).body).errcode).toBe('10003')
    expect(errorOf((await authorize(app, { redirect_uri: 'https://example.com/cb' })).body).errcode).toBe('10003')
  })

  it('should show 10003 when the redirect_uri is not an http(s) URL', async () => {
    const { app } = build()
    expect(errorOf((await authorize(app, { redirect_uri: 'javascript:alert(1)//localhost' })).body).errcode).toBe('10003')
    expect(errorOf((await authorize(app, { redirect_uri: '/auth/callback' })).body).errcode).toBe('10003')
  })

  it('should accept the authorisation domain on any port when only the port differs', async () => {
    const { app } = build({ env: { PUBLIC_URL: 'https://shop.example.com', MOCK_WECHAT_OAUTH_DOMAIN: 'shop.example.com' } })
    const response = await authorize(app, { redirect_uri: 'http://shop.example.com:5173/cb' })
    expect(location(response).host).toBe('shop.example.com:5173')
  })

  it('should show 10010 when scope is missing', async () => {
    const { app } = build()
    expect(errorOf((await authorize(app, { scope: undefined })).body).errcode).toBe('10010')
  })

  it.each(['snsapi_login', 'snsapi_privateinfo', 'snsapi_base,snsapi_userinfo'])('should show 10005 when scope is %s', async (scope) => {
    const { app } = build()
    const response = await authorize(app, { scope })
    expect(errorOf(response.body).desc).toBe('此公众号并没有这些 scope 的权限，错误码：10005')
  })

  it('should show an error page when response_type is not code', async () => {
    const { app } = build()
    const response = await authorize(app, { response_type: 'token' })
    expect(response.statusCode).toBe(200)
    expect(errorOf(response.body)).toMatchObject({ title: 'Oops! Something went wrong:(', desc: '参数错误' })
    expect(response.headers.location).toBeUndefined()
  })

  it('should show an error page when state is longer than 128 bytes', async () => {
    const { app } = build()
    expect(errorOf((await authorize(app, { state: 'a'.repeat(129) })).body).desc).toBe('参数错误')
    // Bytes, not characters: 43 CJK characters are 129 bytes of UTF-8.
    expect(errorOf((await authorize(app, { state: '好'.repeat(43) })).body).desc).toBe('参数错误')
  })

  it('should accept a state of exactly 128 bytes', async () => {
    const { app } = build()
    expect(location(await authorize(app, { state: 'a'.repeat(128) })).searchParams.get('state')).toBe('a'.repeat(128))
  })

  it('should not use up next-login when the request is refused', async () => {
    const { app } = build()
    await app.inject({ method: 'POST', url: '/__control/next-login', payload: { openid: 'oNextLoginUser01', consent: 'deny' } })
    await authorize(app, { scope: 'snsapi_userinfo', redirect_uri: 'https://evil.example.com/' })
    const response = await authorize(app, { scope: 'snsapi_userinfo' })
    expect(location(response).searchParams.has('code')).toBe(false)
  })

  it('should escape the request\'s values on the error page', async () => {
    const { app } = build()
    const response = await authorize(app, { scope: '<script>x</script>' })
    expect(response.body).not.toContain('<script>x')
  })
})
