/**
 * The shop's order rules and the words a shopper reads about them: one home for the schemas
 * (schemas/orders.ts), the API's order routes and the SPA's checkout and order pages.
 * Money is integer fen (money.ts).
 */

/** Pieces of one product in one order. */
export const MAX_LINE_QUANTITY = 99
/** Different products in one order. */
export const MAX_ORDER_LINES = 50
export const MAX_REMARK_LENGTH = 100
/** An unpaid order closes after this long (here and at WeChat Pay, whose time_expire it sets), releasing its stock. */
export const ORDER_PAY_MINUTES = 30

export const OrderStatus = { Unpaid: 'unpaid', Paid: 'paid', Closed: 'closed' } as const
export type OrderStatus = typeof OrderStatus[keyof typeof OrderStatus]

/** Why an order closed: the shopper cancelled it, or it was not paid in time. */
export const OrderCloseReason = { Cancelled: 'cancelled', Expired: 'expired' } as const
export type OrderCloseReason = typeof OrderCloseReason[keyof typeof OrderCloseReason]

export const ORDER_STATUS_LABEL: Record<OrderStatus, string> = {
  unpaid: '待支付',
  paid: '已支付',
  closed: '已关闭',
}

export const ADDRESS_LIMITS = { name: 20, region: 20, detail: 120 } as const

export const OrderMessage = {
  EmptyOrder: '请至少选择一件商品',
  TooManyLines: `一次最多购买 ${MAX_ORDER_LINES} 种商品`,
  QuantityInvalid: `每种商品的数量需为 1–${MAX_LINE_QUANTITY} 的整数`,
  DuplicateProduct: '同一商品请合并为一行',
  ProductMissing: '有商品已下架，请返回购物车查看',
  AddressRequired: '请填写收货地址',
  AddressNameInvalid: `请填写收货人姓名（最多 ${ADDRESS_LIMITS.name} 个字）`,
  AddressPhoneInvalid: '请填写正确的 11 位手机号',
  AddressRegionInvalid: '请填写省、市、区',
  AddressDetailInvalid: `请填写详细地址（最多 ${ADDRESS_LIMITS.detail} 个字）`,
  RemarkTooLong: `备注最多 ${MAX_REMARK_LENGTH} 个字`,
  /** `{name}` is the product's name */
  OutOfStock: '「{name}」库存不足',
  AlreadyPaid: '订单已支付，无需重复支付',
  AlreadyClosed: '订单已关闭，请重新下单',
  CannotCancelPaid: '订单已支付，不能取消',
  PayUnavailable: '微信支付暂时无法使用，请稍后再试',
} as const

export function outOfStockMessage(name: string): string {
  return OrderMessage.OutOfStock.replace('{name}', name)
}
