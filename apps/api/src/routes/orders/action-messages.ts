/** What a shopper reads when an order action names an order that is not theirs (or none). */
export const ORDER_NOT_FOUND = '订单不存在'
