import { formatFen, type Order } from '@wxshop/shared'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { App } from '../../src/app'
import { REPLY_RULES } from '../../src/wechat/message/replies/rules'
import { build } from '../helper'
import { sharedMockWechat, TEST_PUBLIC_URL } from '../mock-wechat'
import { ADDRESS } from '../orders/order-fixtures'
import { boundShopper, type Shopper } from '../orders/shopper'
import { accountOf, ACCOUNT_ID, nowSeconds, pushMessage, replyFields, textMessage } from './push'

// An order number sent in the Official Account's chat: its state for its owner, and for nobody else.

describe('an order number in the chat', () => {
  let app: App
  let owner: Shopper
  let order: Order

  beforeAll(async () => {
    const mock = sharedMockWechat()
    await mock.control('POST', '/reset')
    app = await build({ mock })
    owner = await boundShopper(app, mock)
    const placed = await owner.browser.post('/api/orders', { items: [{ productId: 1, quantity: 2 }, { productId: 2, quantity: 1 }], address: ADDRESS })
    expect(placed.statusCode, placed.body).toBe(201)
    order = placed.json()
  })
  afterAll(() => app.close())

  async function send(from: string, text: string) {
    const response = await pushMessage(app, { ...textMessage(text), toUserName: ACCOUNT_ID, fromUserName: from, createTime: Number(nowSeconds()) })
    expect(response.statusCode, response.body).toBe(200)
    return replyFields(accountOf(app), response.body)
  }

  it('should answer its owner with the order\'s state, items, amount and a link to its page', async () => {
    const fields = await send(owner.openid, order.orderNo)
    expect(fields.MsgType).toBe('news')
    const article = (fields.Articles as { item: Record<string, string> }).item
    expect(article.Title).toBe(`订单待支付：${order.items[0]!.name}等3件`)
    expect(article.Description).toContain(order.orderNo)
    expect(article.Description).toContain(formatFen(order.totalFen))
    expect(article.Url).toBe(`${TEST_PUBLIC_URL}/orders/${order.id}`)
  })

  it('should tell another user only that no such order was found, exactly as for a number of no order', async () => {
    const stranger = 'oStranger00000000000000000001'
    const foreign = await send(stranger, order.orderNo)
    const missing = await send(stranger, '20200101000000000000')
    expect(foreign.MsgType).toBe('text')
    expect(foreign.Content).toBe(REPLY_RULES.orderNotFound.replace('{orderNo}', order.orderNo).replace('{url}', `${TEST_PUBLIC_URL}/`))
    expect(missing.Content).toBe(String(foreign.Content).replace(order.orderNo, '20200101000000000000'))
  })

  it('should search products for text that is not shaped like an order number', async () => {
    const fields = await send(owner.openid, order.orderNo.slice(0, 12))
    expect(fields.Content).toContain('没有找到与')
  })
})
