import { ErrorCode, OrderMessage, outOfStockMessage } from '@wxshop/shared'
import { ApiError } from '../errors'
import type { OrderRejection } from '../repositories/order-repository'

/** A missing order and another account's order alike: ids tell nobody which orders exist. */
export const ORDER_NOT_FOUND = '订单不存在'

/** Only free products in the order: WeChat Pay cannot take 0 fen. */
export const ZERO_TOTAL = '订单金额需大于 0，请调整商品'

/**
 * How a refused order answers. A product the catalog no longer has is 400 VALIDATION with
 * ProductMissing (the request names something that cannot be bought; the SPA sends the shopper back
 * to the cart), like a product listed twice; too little stock is 409 OUT_OF_STOCK naming the product.
 */
export function rejectionError(rejection: OrderRejection): ApiError {
  switch (rejection.reason) {
    case 'duplicate-product':
      return new ApiError(400, ErrorCode.Validation, OrderMessage.DuplicateProduct)
    case 'product-missing':
      return new ApiError(400, ErrorCode.Validation, OrderMessage.ProductMissing)
    case 'out-of-stock':
      return new ApiError(409, ErrorCode.OutOfStock, outOfStockMessage(rejection.name))
    case 'zero-total':
      return new ApiError(400, ErrorCode.Validation, ZERO_TOTAL)
  }
}
