// What the shop answers in the Official Account's chat: the words and choices live here, as data, so
// changing a reply is an edit of this file only. `{shop}` is the shop's name, `{url}` its public URL,
// `{q}` the user's words. answer.ts reads these; nothing else holds reply text.

import { MenuKey } from '../../menu/menu'

export const REPLY_RULES = {
  /** subscribe (a follow, from a QR code or not): one news card to the shop's home page. */
  welcome: {
    title: '欢迎关注{shop}',
    description: '精选好物，微信里直接下单。回复商品名称即可搜索，回复“帮助”查看更多。',
    path: '/',
  },
  /** The words that ask for help (compared after trimming, case-insensitively). */
  helpKeywords: ['帮助', 'help', '?', '？'],
  help: '您可以这样问我：\n· 直接发送商品名称，例如“苹果”，我会帮您查找商品\n· 点击菜单“联系客服”，了解如何联系我们\n· 逛逛商城：{url}',
  /** Any other text is a product search: at most this many products in the news reply. */
  searchLimit: 3,
  /** A product card: `{price}` is formatted by the shared money formatter. */
  productDescription: '{price} · {subtitle}',
  notFound: '没有找到与“{q}”相关的商品，换个词试试，或者去商城逛逛：{url}',
  /** Custom-menu CLICK keys (the menu's `key`) and their text replies; an unknown key gets `unknownClick`. */
  clicks: {
    [MenuKey.ContactService]: '客服在线时间：每天 9:00–21:00。直接在这里留言，客服会尽快回复您。',
  } as Record<string, string>,
  unknownClick: '这个功能即将上线，敬请期待。逛逛商城：{url}',
  /**
   * An order number sent by its owner: a news card to the order's page. `{status}` is the order's
   * state label, `{items}` its first item and count, `{total}` the amount, `{orderNo}` the number.
   */
  orderStatus: {
    title: '订单{status}：{items}',
    description: '订单号 {orderNo}\n实付 {total}，点击查看详情',
  },
  /** A number shaped like an order number that is no order of this user's (never says whether it exists). */
  orderNotFound: '没有找到订单 {orderNo}。请确认订单号，或在商城“我的”→“我的订单”中查看：{url}orders',
  /** Messages the shop cannot act on: a polite text each. */
  polite: {
    image: '图片已收到，谢谢！如需帮助请回复“帮助”。',
    voice: '语音已收到，谢谢！您也可以直接发送文字搜索商品。',
    location: '位置已收到，谢谢！我们目前提供全国配送。逛逛商城：{url}',
  },
} as const

export type ReplyRules = typeof REPLY_RULES
