import { describe, expect, it } from 'vitest'
import { customMessageOf } from '../../src/wechat/message/custom-message'

describe('a late reply as a customer-service message', () => {
  it('should send a text reply as msgtype text to the sender of the push', () => {
    expect(customMessageOf('oUser1', { type: 'text', content: '你好' })).toEqual({ touser: 'oUser1', msgtype: 'text', text: { content: '你好' } })
  })

  it('should send only the first article of a news reply (the WeChat limit for customer-service news, 45008)', () => {
    const article = (n: number) => ({ title: `商品${n}`, description: `¥${n}.00`, url: `https://shop.example.com/product/${n}`, picUrl: `https://shop.example.com/images/${n}.svg` })
    expect(customMessageOf('oUser1', { type: 'news', articles: [article(1), article(2), article(3)] })).toEqual({
      touser: 'oUser1',
      msgtype: 'news',
      news: { articles: [{ title: '商品1', description: '¥1.00', url: 'https://shop.example.com/product/1', picurl: 'https://shop.example.com/images/1.svg' }] },
    })
  })
})
