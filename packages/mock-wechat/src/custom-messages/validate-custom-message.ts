import { utf8ByteLength } from '@wxshop/shared'

/** A text message's content, counted in UTF-8 bytes as WeChat counts it. */
export const TEXT_CONTENT_MAX_BYTES = 2048
/** Since 2018-10-12 a news message (外链图文) carries one article; more answers 45008. */
export const NEWS_MAX_ARTICLES = 1

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)
const nonEmpty = (value: unknown): value is string => typeof value === 'string' && value !== ''
const optionalString = (value: unknown) => value === undefined || typeof value === 'string'
const MINI_PROGRAM_APPID = /^wx[0-9a-f]{16}$/

/** The checks of each message type on its payload (`body[msgtype]`); 0 when it is fine. */
const payloadChecks: Record<string, (payload: Record<string, unknown>) => number> = {
  text: ({ content }) => !nonEmpty(content) ? 44004 : utf8ByteLength(content) > TEXT_CONTENT_MAX_BYTES ? 45002 : 0,
  image: ({ media_id }) => (nonEmpty(media_id) ? 0 : 40007),
  voice: ({ media_id }) => (nonEmpty(media_id) ? 0 : 40007),
  mpnews: ({ media_id }) => (nonEmpty(media_id) ? 0 : 40007),
  video: ({ media_id, thumb_media_id, title, description }) =>
    !nonEmpty(media_id) ? 40007 : [thumb_media_id, title, description].every(optionalString) ? 0 : 47001,
  music: ({ musicurl, hqmusicurl, thumb_media_id, title, description }) =>
    !nonEmpty(thumb_media_id) ? 40007 : [musicurl, hqmusicurl, title, description].every(optionalString) ? 0 : 47001,
  news: ({ articles }) => {
    if (!Array.isArray(articles) || articles.length === 0)
      return 44003
    if (articles.length > NEWS_MAX_ARTICLES)
      return 45008
    const [article] = articles
    if (!isObject(article) || !nonEmpty(article.title))
      return 44003
    return [article.description, article.url, article.picurl].every(optionalString) ? 0 : 47001
  },
  mpnewsarticle: ({ article_id }) => (nonEmpty(article_id) ? 0 : 53600),
  msgmenu: ({ head_content, list, tail_content }) =>
    optionalString(head_content) && optionalString(tail_content) && Array.isArray(list) && list.length > 0
    && list.every(item => isObject(item) && nonEmpty(item.id) && nonEmpty(item.content))
      ? 0
      : 47001,
  wxcard: ({ card_id }) => (nonEmpty(card_id) ? 0 : 40073),
  miniprogrampage: ({ appid, pagepath, thumb_media_id, title }) =>
    typeof appid !== 'string' || !MINI_PROGRAM_APPID.test(appid) ? 40166 : !nonEmpty(pagepath) ? 40165 : !nonEmpty(thumb_media_id) ? 40007 : optionalString(title) ? 0 : 47001,
}

/**
 * Checks what a `message/custom/send` body says, before who it goes to: a known msgtype (40008)
 * with its payload object (47001), then that type's fields: text content 1–2048 bytes (44004 /
 * 45002), a news message with exactly one article that has a title (44003 / 45008), the media_id
 * of image, voice, video, mpnews and music's thumb_media_id (40007), and so on. 0 when it is fine.
 */
export function checkCustomMessage(body: Record<string, unknown>): number {
  const { msgtype } = body
  const check = typeof msgtype === 'string' && Object.hasOwn(payloadChecks, msgtype) ? payloadChecks[msgtype] : undefined
  if (!check)
    return 40008
  const payload = body[msgtype as string]
  if (!isObject(payload))
    return msgtype === 'text' ? 44004 : 47001
  return check(payload)
}
