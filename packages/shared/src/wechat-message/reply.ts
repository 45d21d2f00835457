import { Type, type Static } from 'typebox'
import { schemaProblem } from './schema-check'
import { buildXml, type XmlInputFields } from './xml-build'

// Passive replies: the XML the shop answers a push with, in the 5 s WeChat waits.

export const NewsArticleSchema = Type.Object({
  title: Type.String(),
  description: Type.Optional(Type.String()),
  picUrl: Type.Optional(Type.String()),
  url: Type.Optional(Type.String()),
})
export type NewsArticle = Static<typeof NewsArticleSchema>

/** What the shop can answer: WeChat's six passive reply types. */
export const ReplySchema = Type.Union([
  Type.Object({ type: Type.Literal('text'), content: Type.String({ minLength: 1 }) }),
  Type.Object({ type: Type.Literal('image'), mediaId: Type.String({ minLength: 1 }) }),
  Type.Object({ type: Type.Literal('voice'), mediaId: Type.String({ minLength: 1 }) }),
  Type.Object({
    type: Type.Literal('video'),
    mediaId: Type.String({ minLength: 1 }),
    title: Type.Optional(Type.String()),
    description: Type.Optional(Type.String()),
  }),
  Type.Object({
    type: Type.Literal('music'),
    thumbMediaId: Type.String({ minLength: 1 }),
    title: Type.Optional(Type.String()),
    description: Type.Optional(Type.String()),
    musicUrl: Type.Optional(Type.String()),
    hqMusicUrl: Type.Optional(Type.String()),
  }),
  // WeChat's bound is 8 articles; to a user's text, image, voice, video, link or location message it shows only 1
  Type.Object({ type: Type.Literal('news'), articles: Type.Array(NewsArticleSchema, { minItems: 1, maxItems: 8 }) }),
])
export type Reply = Static<typeof ReplySchema>

/** The answer that tells WeChat "received, nothing to say" (an empty body works too); it never retries then. */
export const SUCCESS_ANSWER = 'success'

/** The push a reply answers: its sender becomes the recipient and the other way round. */
export interface ReplyTarget { toUserName: string, fromUserName: string }

function body(reply: Reply): XmlInputFields {
  switch (reply.type) {
    case 'text':
      return { Content: reply.content }
    case 'image':
      return { Image: { MediaId: reply.mediaId } }
    case 'voice':
      return { Voice: { MediaId: reply.mediaId } }
    case 'video':
      return { Video: { MediaId: reply.mediaId, Title: reply.title, Description: reply.description } }
    case 'music':
      return {
        Music: {
          Title: reply.title,
          Description: reply.description,
          MusicUrl: reply.musicUrl,
          HQMusicUrl: reply.hqMusicUrl,
          ThumbMediaId: reply.thumbMediaId,
        },
      }
    case 'news':
      return {
        ArticleCount: reply.articles.length,
        Articles: {
          item: reply.articles.map(article => ({
            Title: article.title,
            Description: article.description,
            PicUrl: article.picUrl,
            Url: article.url,
          })),
        },
      }
  }
}

/**
 * The passive reply's XML to `message`: ToUserName and FromUserName swapped from the push, CreateTime in
 * seconds (`now` in milliseconds, as Date.now()), every text field as CDATA. Throws on a reply outside WeChat's rules.
 */
export function buildReply(message: ReplyTarget, reply: Reply, now: number = Date.now()): string {
  const problem = schemaProblem(ReplySchema, reply)
  if (problem)
    throw new TypeError(`not a WeChat passive reply: ${problem}`)
  return buildXml({
    ToUserName: message.fromUserName,
    FromUserName: message.toUserName,
    CreateTime: Math.floor(now / 1000),
    MsgType: reply.type,
    ...body(reply),
  })
}
