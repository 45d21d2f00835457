import { describe, expect, it } from 'vitest'
import type { MockWechat } from '../../src/app'
import { build } from '../helper'

const SHOP = 'http://localhost:3000'

function post(app: MockWechat, url: string, payload: unknown, origin: string | undefined = SHOP) {
  return app.inject({ method: 'POST', url, headers: origin === undefined ? {} : { origin }, payload: payload as Record<string, unknown> })
}

const friends = {
  api: 'updateAppMessageShareData',
  title: '微选好物',
  desc: '好物推荐',
  link: `${SHOP}/product/7`,
  imgUrl: `${SHOP}/images/7.png`,
  pageUrl: `${SHOP}/product/7?from=menu`,
  client: 'android-wechat',
}

async function shares(app: MockWechat) {
  return (await app.inject({ url: '/__control/shares' })).json().shares as Array<Record<string, unknown>>
}

describe('POST /__bridge/share and GET /__control/shares', () => {
  it('should record what the page set, newest first, with its page and client', async () => {
    const { app, clock } = build()
    expect((await post(app, '/__bridge/share', friends)).json()).toEqual({ errMsg: 'updateAppMessageShareData:ok' })
    clock.advance(1000)
    const timeline = { api: 'updateTimelineShareData', title: '朋友圈标题', link: `${SHOP}/`, imgUrl: `${SHOP}/logo.png`, pageUrl: `${SHOP}/`, client: 'ios-wechat' }
    expect((await post(app, '/__bridge/share', timeline)).json()).toEqual({ errMsg: 'updateTimelineShareData:ok' })
    expect(await shares(app)).toEqual([
      { ...timeline, at: '2025-01-01T00:00:01.000Z' },
      { ...friends, at: '2025-01-01T00:00:00.000Z' },
    ])
  })

  it('should keep no description for Moments, which show none', async () => {
    const { app } = build()
    await post(app, '/__bridge/share', { ...friends, api: 'updateTimelineShareData' })
    expect((await shares(app))[0]).not.toHaveProperty('desc')
  })

  it.each([
    ['on another host', 'http://evil.example/product/7'],
    ['on a subdomain', 'http://www.localhost:3000/'],
    ['relative', '/product/7'],
    ['not http', 'javascript:alert(1)'],
    ['on the safe domain but not http(s)', 'ftp://localhost/product/7'],
  ])('should answer fail and record nothing for a link %s', async (_name, link) => {
    const { app } = build()
    const answer = (await post(app, '/__bridge/share', { ...friends, link })).json()
    expect(answer.errMsg).toBe('updateAppMessageShareData:fail, the link must be on the JS safe domain localhost')
    expect(await shares(app)).toEqual([])
  })

  it('should accept a link on the safe domain on another port', async () => {
    const { app } = build()
    expect((await post(app, '/__bridge/share', { ...friends, link: 'http://localhost:8080/x' })).json().errMsg).toBe('updateAppMessageShareData:ok')
  })

  it('should forget the shares on reset', async () => {
    const { app } = build()
    await post(app, '/__bridge/share', friends)
    await app.inject({ method: 'POST', url: '/__control/reset', payload: {} })
    expect(await shares(app)).toEqual([])
  })

  it('should answer 400 for an API that is not a share API', async () => {
    const { app } = build()
    const response = await post(app, '/__bridge/share', { ...friends, api: 'onMenuShareTimeline' })
    expect(response.statusCode).toBe(400)
    expect(response.json().error.code).toBe('VALIDATION')
  })

  it('should refuse a page on another site with 403, as the other client routes do', async () => {
    const { app } = build()
    const response = await post(app, '/__bridge/share', friends, 'http://evil.example')
    expect(response.statusCode).toBe(403)
    expect(response.headers['access-control-allow-origin']).toBeUndefined()
    expect(await shares(app)).toEqual([])
  })
})

describe('POST /__control/scan-result and POST /__bridge/scan', () => {
  const scan = async (app: MockWechat) => (await post(app, '/__bridge/scan', {})).json().text as string | null

  it('should hand out the queued results first in, first out, then nothing', async () => {
    const { app } = build()
    expect((await app.inject({ method: 'POST', url: '/__control/scan-result', payload: { text: 'http://localhost:3000/product/7' } })).json()).toEqual({ queued: 1 })
    expect((await app.inject({ method: 'POST', url: '/__control/scan-result', payload: { text: 'EAN_13,6901234567892' } })).json()).toEqual({ queued: 2 })
    expect(await scan(app)).toBe('http://localhost:3000/product/7')
    expect(await scan(app)).toBe('EAN_13,6901234567892')
    expect(await scan(app)).toBeNull()
  })

  it('should forget the queue on reset', async () => {
    const { app } = build()
    await app.inject({ method: 'POST', url: '/__control/scan-result', payload: { text: 'x' } })
    await app.inject({ method: 'POST', url: '/__control/reset', payload: {} })
    expect(await scan(app)).toBeNull()
  })

  it.each([
    ['an empty text', { text: '' }, 'body/text must NOT have fewer than 1 characters'],
    ['a text over 2048 characters', { text: 'x'.repeat(2049) }, 'body/text must NOT have more than 2048 characters'],
    ['an object', { text: { url: 'x' } }, 'body/text must be string'],
    ['no text', {}, 'body must have required property \'text\''],
    ['an unknown field', { text: 'x', times: 2 }, 'body has an unknown property "times"'],
  ])('should refuse %s with 400 in the control error shape', async (_name, payload, message) => {
    const { app } = build()
    const response = await app.inject({ method: 'POST', url: '/__control/scan-result', payload })
    expect(response.statusCode).toBe(400)
    expect(response.json()).toEqual({ error: { code: 'VALIDATION', message } })
    expect(await scan(app)).toBeNull()
  })

  it('should not let a page queue a result, as no control route does', async () => {
    const { app } = build()
    const response = await app.inject({ method: 'POST', url: '/__control/scan-result', headers: { origin: SHOP }, payload: { text: 'x' } })
    expect(response.statusCode).toBe(403)
    expect(await scan(app)).toBeNull()
  })

  it('should not let a page on another site take a queued result', async () => {
    const { app } = build()
    await app.inject({ method: 'POST', url: '/__control/scan-result', payload: { text: 'secret-code' } })
    const response = await post(app, '/__bridge/scan', {}, 'http://evil.example')
    expect(response.statusCode).toBe(403)
    expect(response.body).not.toContain('secret-code')
    expect(await scan(app)).toBe('secret-code')
  })
})
