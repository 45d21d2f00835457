import { describe, expect, it } from 'vitest'
import type { MockWechat } from '../../src/app'
import { build, createClock, errmsgPattern, serverToken } from '../helper'

const SHOP_MENU = {
  button: [
    { type: 'view', name: '首页', url: 'http://localhost:3000/' },
    { type: 'view', name: '我的订单', url: 'http://localhost:3000/orders' },
    { type: 'click', name: '联系客服', key: 'CONTACT_SERVICE' },
  ],
}

async function create(app: MockWechat, body: unknown, access_token?: string) {
  const token = access_token ?? await serverToken(app)
  const payload = typeof body === 'string' ? body : JSON.stringify(body)
  const response = await app.inject({ method: 'POST', url: `/cgi-bin/menu/create?access_token=${token}`, payload, headers: { 'content-type': 'application/json' } })
  return { response, body: response.json() as Record<string, unknown> }
}

const get = async (app: MockWechat, access_token: string) => (await app.inject({ url: `/cgi-bin/menu/get?access_token=${access_token}` })).json() as Record<string, unknown>

/** A menu with one top-level button that is `button`. */
const withTop = (button: Record<string, unknown>) => ({ button: [button] })
/** A menu with one parent whose one sub-button is `button`. */
const withSub = (button: Record<string, unknown>) => ({ button: [{ name: '更多', sub_button: [button] }] })
const click = (name = '按钮', key = 'K') => ({ type: 'click', name, key })

describe('POST /cgi-bin/menu/create and GET /cgi-bin/menu/get', () => {
  it('should answer ok and then show the menu in WeChat\'s shape, each action button with an empty sub_button', async () => {
    const { app } = build()
    const token = await serverToken(app)
    const { response, body } = await create(app, SHOP_MENU, token)
    expect(response.headers['content-type']).toBe('application/json; encoding=utf-8')
    expect(body).toEqual({ errcode: 0, errmsg: 'ok' })
    expect(await get(app, token)).toEqual({
      menu: {
        button: [
          { type: 'view', name: '首页', url: 'http://localhost:3000/', sub_button: [] },
          { type: 'view', name: '我的订单', url: 'http://localhost:3000/orders', sub_button: [] },
          { type: 'click', name: '联系客服', key: 'CONTACT_SERVICE', sub_button: [] },
        ],
      },
    })
  })

  it('should show a parent without a type and its sub-buttons, keeping only the fields each type uses', async () => {
    const { app } = build()
    const token = await serverToken(app)
    const menu = {
      button: [{
        name: '服务',
        sub_button: [
          { type: 'scancode_push', name: '扫一扫', key: 'SCAN', url: 'http://ignored.example/' },
          { type: 'miniprogram', name: '小程序', url: 'https://example.com/', appid: 'wx0123456789abcdef', pagepath: 'pages/index' },
          { type: 'media_id', name: '图片', media_id: 'MEDIA' },
          { type: 'article_id', name: '文章', article_id: 'ARTICLE' },
          { type: 'location_select', name: '位置', key: 'LOC' },
        ],
      }],
    }
    expect((await create(app, menu, token)).body.errcode).toBe(0)
    expect(await get(app, token)).toEqual({
      menu: {
        button: [{
          name: '服务',
          sub_button: [
            { type: 'scancode_push', name: '扫一扫', key: 'SCAN', sub_button: [] },
            { type: 'miniprogram', name: '小程序', url: 'https://example.com/', appid: 'wx0123456789abcdef', pagepath: 'pages/index', sub_button: [] },
            { type: 'media_id', name: '图片', media_id: 'MEDIA', sub_button: [] },
            { type: 'article_id', name: '文章', article_id: 'ARTICLE', sub_button: [] },
            { type: 'location_select', name: '位置', key: 'LOC', sub_button: [] },
          ],
        }],
      },
    })
  })

  it('should accept what menu/get answered when it is posted back (empty sub_button lists)', async () => {
    const { app } = build()
    const token = await serverToken(app)
    await create(app, SHOP_MENU, token)
    const shown = (await get(app, token)).menu
    expect((await create(app, shown, token)).body.errcode).toBe(0)
  })

  it('should replace the previous menu when a new one is created', async () => {
    const { app } = build()
    const token = await serverToken(app)
    await create(app, SHOP_MENU, token)
    await create(app, withTop(click('新菜单')), token)
    expect(await get(app, token)).toEqual({ menu: { button: [{ ...click('新菜单'), sub_button: [] }] } })
  })

  it('should answer 46003 menu no exist when no menu was created', async () => {
    const { app } = build()
    const body = await get(app, await serverToken(app))
    expect(body.errcode).toBe(46003)
    expect(body.errmsg).toMatch(errmsgPattern('menu no exist'))
  })

  it('should keep the menu when a create is refused', async () => {
    const { app } = build()
    const token = await serverToken(app)
    await create(app, SHOP_MENU, token)
    expect((await create(app, { button: [] }, token)).body.errcode).toBe(40016)
    expect((await get(app, token)).menu).toBeDefined()
  })
})

describe('menu/create validation', () => {
  const cases: Array<[string, unknown, number, string]> = [
    ['no button list', {}, 40016, 'invalid button size'],
    ['the menu wrapped as menu/get answers it', { menu: SHOP_MENU }, 40016, 'invalid button size'],
    ['no buttons', { button: [] }, 40016, 'invalid button size'],
    ['4 top-level buttons', { button: [click(), click(), click(), click()] }, 40016, 'invalid button size'],
    ['an unknown top-level type', withTop({ type: 'clik', name: 'a', key: 'K' }), 40017, 'invalid button type'],
    ['a top-level button with neither type nor sub-buttons', withTop({ name: 'a', sub_button: [] }), 40017, 'invalid button type'],
    ['a parent that also has a type', withTop({ type: 'click', name: 'a', key: 'K', sub_button: [click()] }), 40017, 'invalid button type'],
    ['a top-level name over 16 bytes (6 Chinese characters)', withTop(click('一二三四五六')), 40018, 'invalid button name size'],
    ['an empty top-level name', withTop(click('')), 40018, 'invalid button name size'],
    ['a parent name over 16 bytes', withTop({ name: '一二三四五六', sub_button: [click()] }), 40018, 'invalid button name size'],
    ['a top-level click without key', withTop({ type: 'click', name: 'a' }), 40019, 'invalid button key size'],
    ['a top-level key over 128 bytes', withTop(click('a', 'k'.repeat(129))), 40019, 'invalid button key size'],
    ['a top-level view without url', withTop({ type: 'view', name: 'a', key: 'https://example.com/' }), 40020, 'invalid button url size'],
    ['a top-level url over 1024 bytes', withTop({ type: 'view', name: 'a', url: `https://example.com/${'a'.repeat(1005)}` }), 40020, 'invalid button url size'],
    ['a top-level url that is not http(s)', withTop({ type: 'view', name: 'a', url: 'weixin://dl/chat' }), 40055, 'invalid button url domain'],
    ['6 sub-buttons', { button: [{ name: 'a', sub_button: [click(), click(), click(), click(), click(), click()] }] }, 40023, 'invalid sub button size'],
    ['a sub_button that is not a list', withTop({ name: 'a', sub_button: click() }), 40023, 'invalid sub button size'],
    ['a third level', withSub({ name: 'b', sub_button: [click()] }), 40022, 'invalid sub_menu level'],
    ['an unknown sub-button type', withSub({ type: 'link', name: 'a', url: 'https://example.com/' }), 40024, 'invalid sub button type'],
    ['a sub-button name over 60 bytes (21 Chinese characters)', withSub(click('一'.repeat(21))), 40025, 'invalid sub button name size'],
    ['a sub-button key over 128 bytes', withSub(click('a', '键'.repeat(43))), 40026, 'invalid sub button key size'],
    ['a sub-button view without url', withSub({ type: 'view', name: 'a' }), 40027, 'invalid sub button url size'],
    ['a sub-button url that is not http(s)', withSub({ type: 'view', name: 'a', url: 'javascript:alert(1)' }), 40054, 'invalid sub button url domain'],
    ['a media_id button without media_id', withTop({ type: 'media_id', name: 'a' }), 40007, 'invalid media_id'],
    ['an article_id button without article_id', withTop({ type: 'article_view_limited', name: 'a' }), 53600, 'invalid article_id'],
    ['a mini program button with a bad appid', withTop({ type: 'miniprogram', name: 'a', url: 'https://example.com/', appid: 'WX123', pagepath: 'p' }), 40166, 'invalid weapp appid'],
    ['a mini program button without pagepath', withTop({ type: 'miniprogram', name: 'a', url: 'https://example.com/', appid: 'wx0123456789abcdef' }), 40165, 'invalid weapp pagepath'],
    ['a mini program button without url', withTop({ type: 'miniprogram', name: 'a', appid: 'wx0123456789abcdef', pagepath: 'p' }), 40020, 'invalid button url size'],
  ]

  it.each(cases)('should answer the errcode when the menu has %s', async (_name, body, errcode, errmsg) => {
    const { app } = build()
    const answer = (await create(app, body)).body
    expect(answer.errcode).toBe(errcode)
    expect(answer.errmsg).toMatch(errmsgPattern(errmsg))
  })

  it('should accept names and keys at exactly their byte limits', async () => {
    const { app } = build()
    const menu = { button: [click('一二三四五a', 'k'.repeat(128)), { name: '更多', sub_button: [click('一'.repeat(20), '键'.repeat(42) + 'kk')] }] }
    expect((await create(app, menu)).body).toEqual({ errcode: 0, errmsg: 'ok' })
  })

  it('should answer 40033 when the JSON escapes Chinese names as \\uXXXX', async () => {
    const { app } = build()
    const escaped = JSON.stringify(SHOP_MENU).replace(/[^ -~]/g, c => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
    const body = (await create(app, escaped)).body
    expect(body.errcode).toBe(40033)
    expect(body.errmsg).toMatch(errmsgPattern('invalid charset. please check your request, if include \\uxxxx will create fail!'))
  })

  it.each([['bad JSON', '{"button": [', 47001], ['a JSON array', '[]', 47001], ['an empty body', '', 44002]])('should answer the errcode with HTTP 200 when the body is %s', async (_name, payload, errcode) => {
    const { app } = build()
    const { response, body } = await create(app, payload)
    expect(response.statusCode).toBe(200)
    expect(body.errcode).toBe(errcode)
  })

  it('should answer 43002 when create is called with GET', async () => {
    const { app } = build()
    expect((await app.inject({ url: `/cgi-bin/menu/create?access_token=${await serverToken(app)}` })).json().errcode).toBe(43002)
  })
})

describe('GET /cgi-bin/menu/delete', () => {
  it('should answer ok and make menu/get answer 46003', async () => {
    const { app } = build()
    const token = await serverToken(app)
    await create(app, SHOP_MENU, token)
    expect((await app.inject({ url: `/cgi-bin/menu/delete?access_token=${token}` })).json()).toEqual({ errcode: 0, errmsg: 'ok' })
    expect((await get(app, token)).errcode).toBe(46003)
  })
})

describe('the menu routes\' access_token', () => {
  const calls = (token: string | undefined): Array<[string, (app: MockWechat) => Promise<unknown>]> => {
    const query = token === undefined ? '' : `?access_token=${token}`
    return [
      ['create', async app => (await app.inject({ method: 'POST', url: `/cgi-bin/menu/create${query}`, payload: SHOP_MENU })).json()],
      ['get', async app => (await app.inject({ url: `/cgi-bin/menu/get${query}` })).json()],
      ['delete', async app => (await app.inject({ url: `/cgi-bin/menu/delete${query}` })).json()],
    ]
  }

  it.each(['create', 'get', 'delete'])('should answer 41001 when %s has no access_token', async (name) => {
    const { app } = build()
    const call = calls(undefined).find(([n]) => n === name)![1]
    expect(await call(app)).toMatchObject({ errcode: 41001 })
  })

  it.each(['create', 'get', 'delete'])('should answer 40001 when %s has an unknown access_token', async (name) => {
    const { app } = build()
    const call = calls('87_unknown').find(([n]) => n === name)![1]
    expect(await call(app)).toMatchObject({ errcode: 40001 })
  })

  it.each(['create', 'get', 'delete'])('should answer 42001 when %s has an expired access_token', async (name) => {
    const clock = createClock()
    const { app } = build({ clock })
    const token = await serverToken(app)
    clock.advance(7200 * 1000)
    const call = calls(token).find(([n]) => n === name)![1]
    expect(await call(app)).toMatchObject({ errcode: 42001 })
  })

  it('should answer 40001 when the token was replaced more than 5 minutes ago, and ok within them', async () => {
    const clock = createClock()
    const { app } = build({ clock })
    const old = await serverToken(app)
    await serverToken(app)
    expect((await create(app, SHOP_MENU, old)).body.errcode).toBe(0)
    clock.advance(5 * 60 * 1000)
    expect((await create(app, SHOP_MENU, old)).body.errcode).toBe(40001)
  })
})

describe('the menu and the control API', () => {
  it('should forget the menu on reset', async () => {
    const { app } = build()
    await create(app, SHOP_MENU)
    await app.inject({ method: 'POST', url: '/__control/reset', payload: {} })
    expect((await get(app, await serverToken(app))).errcode).toBe(46003)
  })

  it('should list menu calls and fail them on request', async () => {
    const { app } = build()
    const token = await serverToken(app)
    await app.inject({ method: 'POST', url: '/__control/fail', payload: { path: '/cgi-bin/menu/create', errcode: -1 } })
    expect((await create(app, SHOP_MENU, token)).body.errcode).toBe(-1)
    expect((await get(app, token)).errcode).toBe(46003)
    expect((await create(app, SHOP_MENU, token)).body.errcode).toBe(0)
    const calls = (await app.inject({ url: '/__control/calls?path=/cgi-bin/menu/create' })).json().calls as unknown[]
    expect(calls).toHaveLength(2)
  })
})
