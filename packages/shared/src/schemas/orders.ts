import { Type, type Static } from 'typebox'
import { ADDRESS_RULES, NOT_ONLY_SPACES_PATTERN } from '../address-rules'
import { MAX_LINE_QUANTITY, MAX_ORDER_LINES, MAX_REMARK_LENGTH } from '../order-rules'
import { PageQueryFields, pageOf } from './paging'

const Id = Type.Integer({ minimum: 1 })
const Fen = Type.Integer({ minimum: 0, description: 'integer fen (1 yuan = 100 fen)' })
const Time = Type.String({ description: 'ISO-8601 UTC' })
// a shopper's text: at least one character that is not a space (address-rules.ts says so too)
const Text = (max: number) => Type.String({ minLength: 1, maxLength: max, pattern: NOT_ONLY_SPACES_PATTERN })

/** A delivery address, as wx.openAddress gives it (userName, telNumber, provinceName, …) or the form asks; its rules are address-rules.ts's. */
export const AddressSchema = Type.Object({
  name: Text(ADDRESS_RULES.name.maxLength),
  phone: Type.String({ pattern: ADDRESS_RULES.phone.pattern }),
  province: Text(ADDRESS_RULES.province.maxLength),
  city: Text(ADDRESS_RULES.city.maxLength),
  district: Text(ADDRESS_RULES.district.maxLength),
  detail: Text(ADDRESS_RULES.detail.maxLength),
})
export type Address = Static<typeof AddressSchema>

export const OrderLineInputSchema = Type.Object({
  productId: Id,
  quantity: Type.Integer({ minimum: 1, maximum: MAX_LINE_QUANTITY }),
})
export type OrderLineInput = Static<typeof OrderLineInputSchema>

/** `POST /api/orders`: what to buy and where to send it. Prices and totals are the server's own. */
export const CreateOrderBodySchema = Type.Object({
  items: Type.Array(OrderLineInputSchema, { minItems: 1, maxItems: MAX_ORDER_LINES }),
  address: AddressSchema,
  remark: Type.Optional(Type.String({ maxLength: MAX_REMARK_LENGTH })),
})
export type CreateOrderBody = Static<typeof CreateOrderBodySchema>

export const OrderStatusSchema = Type.Union([Type.Literal('unpaid'), Type.Literal('paid'), Type.Literal('closed')])
export const OrderCloseReasonSchema = Type.Union([Type.Literal('cancelled'), Type.Literal('expired')])

/** One line as bought: name and price copied at order time, so a later price change never rewrites it. */
export const OrderItemSchema = Type.Object({
  productId: Id,
  name: Type.String(),
  coverImage: Type.String(),
  priceFen: Fen,
  quantity: Type.Integer({ minimum: 1 }),
  subtotalFen: Fen,
})
export type OrderItem = Static<typeof OrderItemSchema>

export const OrderSchema = Type.Object({
  id: Id,
  /** the out_trade_no WeChat Pay knows the order by */
  orderNo: Type.String(),
  status: OrderStatusSchema,
  items: Type.Array(OrderItemSchema),
  totalFen: Fen,
  address: AddressSchema,
  remark: Type.Union([Type.String(), Type.Null()]),
  createdAt: Time,
  /** when an unpaid order closes by itself */
  expiresAt: Time,
  paidAt: Type.Union([Time, Type.Null()]),
  closedAt: Type.Union([Time, Type.Null()]),
  closeReason: Type.Union([OrderCloseReasonSchema, Type.Null()]),
})
export type Order = Static<typeof OrderSchema>

export const OrderListQuerySchema = Type.Object({
  status: Type.Optional(OrderStatusSchema),
  ...PageQueryFields,
})
export type OrderListQuery = Static<typeof OrderListQuerySchema>

export const OrderListSchema = pageOf(OrderSchema)
export type OrderList = Static<typeof OrderListSchema>

export const OrderParamsSchema = Type.Object({ id: Id })
export type OrderParams = Static<typeof OrderParamsSchema>

/** `POST /api/orders/:id/pay`: the six getBrandWCPayRequest parameters, every one a string. */
export const PayParamsSchema = Type.Object({
  appId: Type.String(),
  timeStamp: Type.String({ pattern: '^[0-9]{10}$' }),
  nonceStr: Type.String(),
  package: Type.String({ pattern: '^prepay_id=' }),
  signType: Type.Union([Type.Literal('MD5'), Type.Literal('HMAC-SHA256'), Type.Literal('RSA')]),
  paySign: Type.String(),
})
export type PayParams = Static<typeof PayParamsSchema>
