import type { OAuthScope } from '@wxshop/shared'
import type { Generated, Insertable, Selectable } from 'kysely'

// Column names are the database's (snake_case); repositories map rows to the shared camelCase types.

export interface CategoryTable {
  id: Generated<number>
  slug: string
  name: string
  sort_order: number
}

export interface ProductTable {
  id: Generated<number>
  category_id: number
  slug: string
  name: string
  subtitle: string
  description: string
  /** Integer fen. */
  price_fen: number
  original_price_fen: number | null
  stock: number
  sales: number
  /** JSON array of URL paths; the first is the cover. Text so SQLite and PostgreSQL store it alike. */
  images: string
  /** ISO-8601 UTC text, written by the application so both dialects hold the same format. */
  created_at: string
}

export interface AccountTable {
  id: Generated<number>
  /** 11-digit mainland mobile number, unique */
  phone: string
  /** argon2id PHC string */
  password_hash: string
  created_at: string
}

export interface WechatIdentityTable {
  openid: string
  unionid: string | null
  /** the best scope ever granted */
  scope: OAuthScope
  nickname: string | null
  headimgurl: string | null
  sex: number | null
  province: string | null
  city: string | null
  country: string | null
  oauth_access_token: string
  oauth_refresh_token: string
  oauth_expires_at: string
  account_id: number | null
  created_at: string
  updated_at: string
}

export interface SessionTable {
  /** sha256 hex of the cookie's token */
  id_hash: string
  openid: string
  account_id: number | null
  created_at: string
  expires_at: string
  last_seen_at: string
}

export interface OAuthStateTable {
  /** sha256 hex of the `state` sent to WeChat */
  state_hash: string
  /** sha256 hex of the browser cookie's nonce */
  browser_hash: string
  scope: OAuthScope
  return_to: string
  created_at: string
  expires_at: string
  used_at: string | null
}

/** The Official Account's server credentials: one row per kind. */
export interface WechatCredentialTable {
  kind: WechatCredentialKind
  value: string
  expires_at: string
  fetched_at: string
}

export type WechatCredentialKind = 'access_token' | 'jsapi_ticket'

/** What became of a push: its handler runs (received), answered in time, answered late through custom/send, or failed. */
export type WechatMessageStatus = 'received' | 'replied' | 'late-sent' | 'late-failed' | 'failed'

/** A push WeChat sent to the message URL (migration 004). */
export interface WechatMessageTable {
  id: Generated<number>
  dedupe_key: string
  kind: string
  from_openid: string
  scene: string | null
  /** the push's XML fields, JSON */
  fields: string
  received_at: string
  status: WechatMessageStatus
  /** the Reply given, JSON; null when the shop had nothing to say */
  reply: string | null
  /** the passive reply's plaintext XML; null when the answer was `success` */
  reply_xml: string | null
  finished_at: string | null
}

export type OrderStatusValue = 'unpaid' | 'paid' | 'closed'
export type PayVersion = 'v2' | 'v3'

/** An order (migration 005). Money in integer fen; times ISO-8601 UTC text. */
export interface OrderTable {
  id: Generated<number>
  /** the out_trade_no */
  order_no: string
  account_id: number
  /** the payer's openid */
  openid: string
  status: OrderStatusValue
  total_fen: number
  /** the Address, JSON */
  address: string
  remark: string | null
  created_at: string
  expires_at: string
  paid_at: string | null
  closed_at: string | null
  close_reason: 'cancelled' | 'expired' | null
  pay_version: PayVersion | null
  prepay_id: string | null
  prepay_expires_at: string | null
  transaction_id: string | null
  paid_fen: number | null
  wechat_closed_at: string | null
}

export interface OrderItemTable {
  id: Generated<number>
  order_id: number
  product_id: number
  name: string
  cover_image: string
  price_fen: number
  quantity: number
}

/** The template message a paid order sends once: an outbox row, retried until sent. */
export interface OrderMessageTable {
  id: Generated<number>
  order_id: number
  status: 'pending' | 'sent' | 'failed'
  attempts: Generated<number>
  next_attempt_at: string
  last_error: string | null
  created_at: string
  sent_at: string | null
}

export interface Database {
  categories: CategoryTable
  products: ProductTable
  accounts: AccountTable
  wechat_identities: WechatIdentityTable
  sessions: SessionTable
  oauth_states: OAuthStateTable
  wechat_credentials: WechatCredentialTable
  wechat_messages: WechatMessageTable
  orders: OrderTable
  order_items: OrderItemTable
  order_messages: OrderMessageTable
}

export type CategoryRow = Selectable<CategoryTable>
export type ProductRow = Selectable<ProductTable>
export type NewProduct = Insertable<ProductTable>
