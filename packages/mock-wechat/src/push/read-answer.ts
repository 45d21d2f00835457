import {
  type MessageAccount, MessageRefusedError, openEncryptedPush, parseXmlDocument, type Reply, ReplySchema,
  SUCCESS_ANSWER, XmlRefusedError, type XmlFields, type XmlValue,
} from '@wxshop/shared/wechat-message'
import { Value } from 'typebox/value'
import type { MessageMode } from '../config'

// What WeChat makes of the app's answer to a push: "success" or an empty body (nothing to say), a
// passive reply it shows the user, or anything else, which the user sees as 该公众号暂时无法提供服务.

export type ParsedReply = Reply & { toUserName: string, fromUserName: string, createTime: number }

export interface Answer {
  /** The body exactly as the app sent it. */
  raw: string
  empty: boolean
  success: boolean
  /** Whether it was a safe-mode envelope (`<Encrypt>`, `<MsgSignature>`…). */
  sealed: boolean
  /** The reply's plaintext XML (decrypted when sealed). */
  xml?: string
  reply?: ParsedReply
  /** Why WeChat would not show it; absent for success, empty and a valid reply. */
  problem?: string
}

export interface AnswerContext {
  mode: MessageMode
  account: MessageAccount
  /** The push answered: a reply goes back to its sender, from its recipient. */
  push: { toUserName?: XmlValue, fromUserName?: XmlValue }
}

const text = (value: XmlValue | undefined): string | undefined => (typeof value === 'string' ? value : undefined)
const nested = (value: XmlValue | undefined): XmlFields => (typeof value === 'object' && value !== null && !Array.isArray(value) ? value : {})

/** The reply's fields in shared's Reply shape; WeChat's schema decides what is valid. */
function replyOf(fields: XmlFields): Record<string, unknown> {
  const type = text(fields.MsgType)
  switch (type) {
    case 'text':
      return { type, content: text(fields.Content) }
    case 'image':
    case 'voice':
      return { type, mediaId: text(nested(fields[type === 'image' ? 'Image' : 'Voice']).MediaId) }
    case 'video': {
      const video = nested(fields.Video)
      return { type, mediaId: text(video.MediaId), title: text(video.Title), description: text(video.Description) }
    }
    case 'music': {
      const music = nested(fields.Music)
      return {
        type,
        thumbMediaId: text(music.ThumbMediaId),
        title: text(music.Title),
        description: text(music.Description),
        musicUrl: text(music.MusicUrl),
        hqMusicUrl: text(music.HQMusicUrl),
      }
    }
    case 'news': {
      const items = nested(fields.Articles).item
      const list = Array.isArray(items) ? items : items === undefined ? [] : [items]
      const articles = list.map((item) => {
        const article = nested(item)
        return { title: text(article.Title), description: text(article.Description), picUrl: text(article.PicUrl), url: text(article.Url) }
      })
      return { type, articles, articleCount: text(fields.ArticleCount) }
    }
    default:
      return { type }
  }
}

function withoutUndefined(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value)) as unknown
}

/** The passive reply in `xml`, or why it is not one. */
function parseReply(fields: XmlFields, context: AnswerContext): { reply?: ParsedReply, problem?: string } {
  const { articleCount, ...candidate } = replyOf(fields) as Record<string, unknown> & { articleCount?: string }
  const reply = withoutUndefined(candidate)
  if (!Value.Check(ReplySchema, reply))
    return { problem: `not a passive reply: ${Value.Errors(ReplySchema, reply)[0]?.message ?? 'its fields do not match its MsgType'} (MsgType ${JSON.stringify(candidate.type)})` }
  if (candidate.type === 'news' && articleCount !== String((reply as { articles: unknown[] }).articles.length))
    return { problem: `ArticleCount ${JSON.stringify(articleCount)} does not match the ${(reply as { articles: unknown[] }).articles.length} articles` }
  const toUserName = text(fields.ToUserName)
  const fromUserName = text(fields.FromUserName)
  if (toUserName !== context.push.fromUserName)
    return { problem: `ToUserName ${JSON.stringify(toUserName)} is not the push's sender ${JSON.stringify(context.push.fromUserName)}` }
  if (fromUserName !== context.push.toUserName)
    return { problem: `FromUserName ${JSON.stringify(fromUserName)} is not the account ${JSON.stringify(context.push.toUserName)}` }
  const createTime = text(fields.CreateTime)
  if (createTime === undefined || !/^\d{1,12}$/.test(createTime.trim()))
    return { problem: 'CreateTime is not seconds since the epoch' }
  return { reply: { ...(reply as Reply), toUserName: toUserName!, fromUserName: fromUserName!, createTime: Number(createTime) } }
}

/** Reads the app's answer as WeChat does in `mode`: safe mode wants a sealed reply, plain mode a plaintext one, compat either. */
export function readAnswer(raw: string, context: AnswerContext): Answer {
  const answer: Answer = { raw, empty: raw.trim() === '', success: raw === SUCCESS_ANSWER, sealed: false }
  if (answer.empty || answer.success)
    return answer
  let fields: XmlFields
  try {
    fields = parseXmlDocument(raw)
  } catch (err) {
    if (err instanceof XmlRefusedError)
      return { ...answer, problem: `neither success, empty nor XML: ${err.message}` }
    throw err
  }
  let xml = raw
  if (fields.Encrypt !== undefined) {
    answer.sealed = true
    if (context.mode === 'plain')
      return { ...answer, problem: 'an encrypted reply to a plaintext-mode push' }
    try {
      const timestamp = text(fields.TimeStamp) ?? ''
      const nonce = text(fields.Nonce) ?? ''
      // MsgSignature first: without it nothing proves the ciphertext came from the app
      xml = openEncryptedPush({ fields, timestamp, nonce, msgSignature: fields.MsgSignature }, context.account)
      fields = parseXmlDocument(xml)
    } catch (err) {
      if (err instanceof MessageRefusedError || err instanceof XmlRefusedError)
        return { ...answer, problem: `the encrypted reply is refused: ${err.message}` }
      throw err
    }
  } else if (context.mode === 'safe') {
    return { ...answer, xml, problem: 'a plaintext reply to a safe-mode push (it must be encrypted)' }
  }
  return { ...answer, xml, ...parseReply(fields, context) }
}
