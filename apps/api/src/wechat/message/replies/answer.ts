import { formatFen } from '@wxshop/shared'
import { type NewsArticle, type PushMessage, type Reply } from '@wxshop/shared/wechat-message'
import type { ProductRepository } from '../../../repositories/product-repository'
import type { MessageHandler } from '../dispatcher'
import { REPLY_RULES, type ReplyRules } from './rules'

export interface AnswerDeps {
  products: ProductRepository
  /** the shop's public origin, without a trailing slash */
  publicUrl: string
  shopName: string
  /**
   * The answer to an order number (order-status.ts): its state for its owner, not-found for anyone
   * else; null when `text` is no order number. Tests without orders leave it out (always null).
   */
  orderStatusReply?: (openid: string, text: string) => Promise<Reply | null>
  rules?: ReplyRules
}

/** The shop's answer to each push, from REPLY_RULES: the default MessageHandler. */
export function createShopAnswer(deps: AnswerDeps): MessageHandler {
  const rules = deps.rules ?? REPLY_RULES
  const orderStatusReply = deps.orderStatusReply ?? (async () => null)
  const fill = (template: string, values: Record<string, string> = {}): string =>
    template.replace(/\{(\w+)\}/g, (whole, name: string) => ({ shop: deps.shopName, url: `${deps.publicUrl}/`, ...values })[name] ?? whole)
  const absolute = (path: string): string => /^https?:\/\//.test(path) ? path : `${deps.publicUrl}${path.startsWith('/') ? '' : '/'}${path}`
  const text = (content: string): Reply => ({ type: 'text', content })

  async function search(q: string): Promise<Reply> {
    const found = await deps.products.topMatches(q, rules.searchLimit)
    if (found.length === 0)
      return text(fill(rules.notFound, { q }))
    const articles: NewsArticle[] = found.map(product => ({
      title: product.name,
      description: fill(rules.productDescription, { price: formatFen(product.priceFen), subtitle: product.subtitle }),
      ...(product.coverImage ? { picUrl: absolute(product.coverImage) } : {}),
      url: absolute(`/product/${product.id}`),
    }))
    return { type: 'news', articles }
  }

  return async (message: PushMessage) => {
    switch (message.kind) {
      case 'subscribe':
        return {
          type: 'news',
          articles: [{ title: fill(rules.welcome.title), description: fill(rules.welcome.description), url: absolute(rules.welcome.path) }],
        }
      case 'text': {
        const words = message.content.trim()
        if (words === '')
          return text(fill(rules.help))
        if ((rules.helpKeywords as readonly string[]).includes(words.toLowerCase()))
          return text(fill(rules.help))
        return await orderStatusReply(message.fromUserName, words) ?? search(words)
      }
      case 'voice':
        return text(fill(rules.polite.voice))
      case 'click':
        return text(fill(rules.clicks[message.eventKey] ?? rules.unknownClick))
      case 'image':
        return text(fill(rules.polite.image))
      case 'location':
        return text(fill(rules.polite.location))
      // unsubscribe, scan, menu views, reported locations, template results, unknown kinds: stored, nothing said
      default:
        return null
    }
  }
}
