import { formatFen } from '@wxshop/shared'
import { type PushMessage } from '@wxshop/shared/wechat-message'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { App } from '../../src/app'
import { seedProducts } from '../../src/db/seed/catalog-data'
import { createWechatMessageRepository } from '../../src/repositories/wechat-message-repository'
import { REPLY_RULES } from '../../src/wechat/message/replies/rules'
import { build } from '../helper'
import { ACCOUNT_ID, accountOf, nextMsgId, nowSeconds, OPENID, pushMessage, replyFields, textMessage } from './push'

// What a follower sees in the chat. Expectations come from REPLY_RULES and the seed catalog.

const PUBLIC_URL = 'https://shop.example.com'
const base = () => ({ toUserName: ACCOUNT_ID, fromUserName: OPENID, createTime: Number(nowSeconds()) })
let eventSecond = 0
/** Events are keyed by sender + CreateTime + kind: each test's event gets its own second. */
const eventBase = () => ({ ...base(), createTime: Number(nowSeconds()) - 100 + (eventSecond += 1) })

/** The seed products a search for `q` finds, best sellers first (the product list's order). */
function expectedMatches(q: string) {
  return seedProducts
    .map((product, index) => ({ ...product, id: index + 1 }))
    .filter(product => product.name.toLowerCase().includes(q.toLowerCase()) || product.subtitle.toLowerCase().includes(q.toLowerCase()))
    .sort((a, b) => b.sales - a.sales || a.id - b.id)
}

describe('what the shop answers in the chat', () => {
  let app: App
  const reply = async (message: PushMessage) => {
    const response = await pushMessage(app, message)
    expect(response.statusCode, response.body).toBe(200)
    return response.body === 'success' ? null : replyFields(accountOf(app), response.body)
  }
  const articles = (fields: Record<string, unknown>) => {
    const items = (fields.Articles as { item: unknown }).item
    return (Array.isArray(items) ? items : [items]) as Record<string, string>[]
  }

  beforeAll(async () => {
    app = await build({ env: { PUBLIC_URL } })
  })
  afterAll(() => app.close())

  it('should welcome a new follower with a news card to the shop', async () => {
    const fields = await reply({ kind: 'subscribe', ...eventBase() })
    expect(fields).toMatchObject({ MsgType: 'news', ArticleCount: '1' })
    expect(articles(fields!)[0]).toMatchObject({ Title: `欢迎关注${app.config.shopName}`, Url: `${PUBLIC_URL}/` })
  })

  it('should record the QR code scene of a follow from a parametric QR code', async () => {
    const message: PushMessage = { kind: 'subscribe', ...eventBase(), eventKey: 'qrscene_poster-7', ticket: 'gQH47joAAAAAAAAAASxodHRwOi8v' }
    const fields = await reply(message)
    expect(fields?.MsgType).toBe('news')
    const row = await createWechatMessageRepository(app.db).find(`event:${OPENID}:${message.createTime}:subscribe`)
    expect(row?.scene).toBe('poster-7')
  })

  it.each(['帮助', 'help', ' HELP '])('should say what can be asked when the user sends %j', async (words) => {
    const fields = await reply(textMessage(words))
    expect(fields).toMatchObject({ MsgType: 'text', Content: REPLY_RULES.help.replace('{url}', `${PUBLIC_URL}/`) })
  })

  it('should answer other text with matching products as news: price, absolute picture and product link', async () => {
    const [apple] = expectedMatches('苹果')
    const fields = await reply(textMessage('苹果'))
    expect(fields?.MsgType).toBe('news')
    expect(articles(fields!)).toEqual([{
      Title: apple!.name,
      Description: `${formatFen(apple!.priceFen)} · ${apple!.subtitle}`,
      PicUrl: `${PUBLIC_URL}${apple!.images[0]}`,
      Url: `${PUBLIC_URL}/product/${apple!.id}`,
    }])
  })

  it('should list at most 3 products, best sellers first, when more match', async () => {
    const matches = expectedMatches('果')
    expect(matches.length).toBeGreaterThan(3)
    const fields = await reply(textMessage('果'))
    expect(fields?.ArticleCount).toBe('3')
    expect(articles(fields!).map(article => article.Url)).toEqual(matches.slice(0, 3).map(product => `${PUBLIC_URL}/product/${product.id}`))
  })

  it('should answer a friendly not-found text with the shop link when nothing matches', async () => {
    const fields = await reply(textMessage('量子计算机'))
    expect(fields).toMatchObject({ MsgType: 'text', Content: REPLY_RULES.notFound.replace('{q}', '量子计算机').replace('{url}', `${PUBLIC_URL}/`) })
  })

  it('should answer the CONTACT_SERVICE menu key with how to reach service', async () => {
    const fields = await reply({ kind: 'click', ...eventBase(), eventKey: 'CONTACT_SERVICE' })
    expect(fields).toMatchObject({ MsgType: 'text', Content: REPLY_RULES.clicks.CONTACT_SERVICE })
  })

  it('should answer an unknown menu key with the coming-soon text', async () => {
    const fields = await reply({ kind: 'click', ...eventBase(), eventKey: 'NOT_CONFIGURED' })
    expect(fields).toMatchObject({ MsgType: 'text', Content: REPLY_RULES.unknownClick.replace('{url}', `${PUBLIC_URL}/`) })
  })

  it.each([
    ['image', { kind: 'image', picUrl: 'http://mmbiz.qpic.cn/x', mediaId: 'media-1' }, REPLY_RULES.polite.image],
    ['voice', { kind: 'voice', mediaId: 'media-2', format: 'amr' }, REPLY_RULES.polite.voice],
    ['location', { kind: 'location', locationX: 23.134521, locationY: 113.358803, scale: 20, label: '广州' }, REPLY_RULES.polite.location],
  ] as const)('should answer a(n) %s message with a polite text', async (_kind, fields, content) => {
    const answer = await reply({ ...base(), msgId: nextMsgId(), ...fields } as PushMessage)
    expect(answer).toMatchObject({ MsgType: 'text', Content: content.replace('{url}', `${PUBLIC_URL}/`) })
  })

  it('should answer an unfollow with success and record it', async () => {
    const message: PushMessage = { kind: 'unsubscribe', ...eventBase() }
    expect(await reply(message)).toBeNull()
    const row = await createWechatMessageRepository(app.db).find(`event:${OPENID}:${message.createTime}:unsubscribe`)
    expect(row).toMatchObject({ kind: 'unsubscribe', status: 'replied', reply: null })
  })
})
