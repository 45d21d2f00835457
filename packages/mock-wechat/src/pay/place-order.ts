import { TradeState } from '@wxshop/shared/wechat-pay'
import type { PayOrder, PayOrderParams } from '../state/pay-orders'
import type { Store } from '../state/store'

/** Why a unified order with a known out_trade_no is refused (WECHAT-PAY.md §A2 [choice], §B3). */
export type PlaceRefusal = 'paid' | 'closed' | 'changed'

const COMPARED: Array<keyof PayOrderParams> = ['version', 'mchid', 'appid', 'sign_type', 'description', 'total', 'openid', 'notify_url', 'attach', 'time_expire']

/**
 * Unified order, v2 and v3 alike: a new out_trade_no makes an order and a prepay_id; the same one
 * with the same params ("原单号原参数重入") answers the current prepay_id (a new one once 2 h have
 * passed); a paid or closed order, or changed params, is refused.
 */
export function placeOrder(store: Store, params: PayOrderParams): { order: PayOrder } | { refused: PlaceRefusal } {
  const { payOrders } = store
  const existing = payOrders.get(params.out_trade_no)
  if (!existing)
    return { order: payOrders.create(params) }
  const state = payOrders.stateOf(existing)
  if (state === TradeState.Success)
    return { refused: 'paid' }
  if (state === TradeState.Closed)
    return { refused: 'closed' }
  if (COMPARED.some(name => existing[name] !== params[name]))
    return { refused: 'changed' }
  if (!payOrders.prepayLive(existing))
    payOrders.renewPrepay(existing)
  return { order: existing }
}
