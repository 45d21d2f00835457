import { describe, expect, it } from 'vitest'
import { buildReply, parseMessageXml, parseXmlDocument, type Reply, SUCCESS_ANSWER } from '../../src/wechat-message'
import { examples } from './push-examples'

const push = parseMessageXml(examples.text)
const NOW = 1_700_000_000_123
const head = '<xml><ToUserName><![CDATA[fromUser]]></ToUserName><FromUserName><![CDATA[toUser]]></FromUserName><CreateTime>1700000000</CreateTime>'

describe('buildReply', () => {
  it('should swap the users and write CreateTime in seconds when replying with text', () => {
    expect(buildReply(push, { type: 'text', content: '你好' }, NOW)).toBe(`${head}<MsgType><![CDATA[text]]></MsgType><Content><![CDATA[你好]]></Content></xml>`)
  })

  it('should keep text whole when it contains "]]>" and markup', () => {
    const content = '价格 a]]>b </Content><MsgType>news</MsgType>'
    expect(parseXmlDocument(buildReply(push, { type: 'text', content }, NOW))).toEqual({
      ToUserName: 'fromUser', FromUserName: 'toUser', CreateTime: '1700000000', MsgType: 'text', Content: content,
    })
  })

  it.each([
    ['image', { type: 'image', mediaId: 'media_id' }, '<MsgType><![CDATA[image]]></MsgType><Image><MediaId><![CDATA[media_id]]></MediaId></Image>'],
    ['voice', { type: 'voice', mediaId: 'media_id' }, '<MsgType><![CDATA[voice]]></MsgType><Voice><MediaId><![CDATA[media_id]]></MediaId></Voice>'],
    ['video', { type: 'video', mediaId: 'media_id', title: 'title', description: 'description' }, '<MsgType><![CDATA[video]]></MsgType><Video><MediaId><![CDATA[media_id]]></MediaId><Title><![CDATA[title]]></Title><Description><![CDATA[description]]></Description></Video>'],
    ['video without a title', { type: 'video', mediaId: 'media_id' }, '<MsgType><![CDATA[video]]></MsgType><Video><MediaId><![CDATA[media_id]]></MediaId></Video>'],
    ['music', { type: 'music', title: 'TITLE', description: 'DESCRIPTION', musicUrl: 'MUSIC_Url', hqMusicUrl: 'HQ_MUSIC_Url', thumbMediaId: 'media_id' }, '<MsgType><![CDATA[music]]></MsgType><Music><Title><![CDATA[TITLE]]></Title><Description><![CDATA[DESCRIPTION]]></Description><MusicUrl><![CDATA[MUSIC_Url]]></MusicUrl><HQMusicUrl><![CDATA[HQ_MUSIC_Url]]></HQMusicUrl><ThumbMediaId><![CDATA[media_id]]></ThumbMediaId></Music>'],
    ['news', { type: 'news', articles: [{ title: 'title1', description: 'description1', picUrl: 'picurl', url: 'url' }] }, '<MsgType><![CDATA[news]]></MsgType><ArticleCount>1</ArticleCount><Articles><item><Title><![CDATA[title1]]></Title><Description><![CDATA[description1]]></Description><PicUrl><![CDATA[picurl]]></PicUrl><Url><![CDATA[url]]></Url></item></Articles>'],
  ] satisfies Array<[string, Reply, string]>)('should write WeChat\'s documented %s reply', (_, reply, body) => {
    expect(buildReply(push, reply, NOW)).toBe(`${head}${body}</xml>`)
  })

  it('should write every article when a news reply has several', () => {
    const articles = Array.from({ length: 8 }, (_, i) => ({ title: `商品${i}`, url: `https://shop.example/p/${i}` }))
    const fields = parseXmlDocument(buildReply(push, { type: 'news', articles }, NOW))
    expect(fields.ArticleCount).toBe('8')
    expect(fields.Articles).toEqual({ item: articles.map(a => ({ Title: a.title, Url: a.url })) })
  })

  it.each([
    ['no articles', { type: 'news', articles: [] }],
    ['9 articles', { type: 'news', articles: Array.from({ length: 9 }, () => ({ title: 't' })) }],
    ['empty text', { type: 'text', content: '' }],
    ['an unknown type', { type: 'link', url: 'u' }],
  ])('should refuse a reply with %s when WeChat would not show it', (_, reply) => {
    expect(() => buildReply(push, reply as never, NOW)).toThrow(/not a WeChat passive reply/)
  })

  it('should answer "success" when there is nothing to say', () => {
    expect(SUCCESS_ANSWER).toBe('success')
  })
})
