import { expect, test } from '../support/fixtures'
import { mockWechat, newOpenid } from '../support/mock-wechat'
import { BASE_URL } from '../support/servers'

// The Official Account's server URL end to end: the mock WeChat signs (and encrypts) a push exactly
// as WeChat does and posts it to the running API's /api/wechat/message, then reads the answer as
// WeChat would. No browser: this is WeChat's server talking to ours.

test.beforeEach(({ browserName: _ }, info) => {
  test.skip(info.project.name !== 'wechat-android', 'server to server: one profile is enough')
})

test('should answer 帮助 with what can be asked, in plain and in safe mode', async () => {
  for (const mode of ['plain', 'safe'] as const) {
    const result = await mockWechat.push({ kind: 'text', fromUserName: newOpenid(), content: '帮助' }, mode)
    expect(result.delivered).toBe(true)
    expect(result.answer?.problem).toBeUndefined()
    expect(result.answer?.sealed).toBe(mode === 'safe')
    expect(result.answer?.reply).toMatchObject({ type: 'text', content: expect.stringContaining('商品名称') })
  }
})

test('should answer a product name with that product as a news card linking to its page', async () => {
  const result = await mockWechat.push({ kind: 'text', fromUserName: newOpenid(), content: '蓝莓' }, 'compat')
  expect(result.answer?.problem).toBeUndefined()
  const reply = result.answer?.reply as { type: string, articles: Array<{ title: string, url: string, picUrl: string }> }
  expect(reply.type).toBe('news')
  expect(reply.articles[0]).toMatchObject({ title: expect.stringContaining('蓝莓'), url: expect.stringMatching(new RegExp(`^${BASE_URL}/product/\\d+$`)) })
})

test('should welcome a new follower with a card linking to the shop, and give WeChat\'s retry of that push the same answer', async () => {
  const openid = newOpenid()
  const result = await mockWechat.push({ kind: 'subscribe', fromUserName: openid }, 'safe')
  const reply = result.answer?.reply as { type: string, articles: Array<{ url: string }> }
  expect(reply.type).toBe('news')
  expect(reply.articles[0]?.url).toBe(`${BASE_URL}/`)
  // WeChat's copy of a push it got no answer to arrives again and gets the same answer (the API's
  // tests prove it is the stored one, made once)
  const again = await mockWechat.pushXml(result.xml, 'safe')
  expect(again.answer?.reply).toEqual(result.answer?.reply)
})
