import type { Reply } from '@wxshop/shared/wechat-message'

/**
 * A passive reply as a customer-service message (cgi-bin/message/custom/send), for a reply that came
 * too late to answer the push itself. WeChat allows one article in a customer-service news message
 * (more → errcode 45008), so only the first is sent.
 */
export function customMessageOf(touser: string, reply: Reply): Record<string, unknown> {
  switch (reply.type) {
    case 'text':
      return { touser, msgtype: 'text', text: { content: reply.content } }
    case 'image':
      return { touser, msgtype: 'image', image: { media_id: reply.mediaId } }
    case 'voice':
      return { touser, msgtype: 'voice', voice: { media_id: reply.mediaId } }
    case 'video':
      return { touser, msgtype: 'video', video: { media_id: reply.mediaId, title: reply.title, description: reply.description } }
    case 'music':
      return {
        touser,
        msgtype: 'music',
        music: { title: reply.title, description: reply.description, musicurl: reply.musicUrl, hqmusicurl: reply.hqMusicUrl, thumb_media_id: reply.thumbMediaId },
      }
    case 'news':
      return {
        touser,
        msgtype: 'news',
        news: { articles: reply.articles.slice(0, 1).map(a => ({ title: a.title, description: a.description, url: a.url, picurl: a.picUrl })) },
      }
  }
}
