import { formatV2Time, formatV3Time, TRADE_STATE_DESC, TradeState } from '@wxshop/shared/wechat-pay'
import type { PayOrder } from '../state/pay-orders'
import type { Store } from '../state/store'

// The bank the mock's payer pays from: WeChat change (零钱).
const BANK_TYPE = 'OTHERS'

/** The v3 transaction (WECHAT-PAY.md §B4): what the query answers and the notify's resource holds. */
export function v3Transaction(store: Store, order: PayOrder): Record<string, unknown> {
  const state = store.payOrders.stateOf(order)
  const paid = state === TradeState.Success
  return {
    appid: order.appid,
    mchid: order.mchid,
    out_trade_no: order.out_trade_no,
    ...(paid ? { transaction_id: order.transaction_id, trade_type: 'JSAPI', bank_type: BANK_TYPE, success_time: formatV3Time(order.successAt!) } : {}),
    trade_state: state,
    trade_state_desc: TRADE_STATE_DESC[state],
    attach: order.attach ?? '',
    payer: { openid: order.openid },
    amount: paid
      ? { total: order.total, payer_total: order.total, currency: 'CNY', payer_currency: 'CNY' }
      : { total: order.total, currency: 'CNY', payer_currency: 'CNY' },
  }
}

/** The v2 fields of a paid order, shared by orderquery (§A3) and the notify (§A4); unsigned. */
export function v2PaidFields(order: PayOrder, subscribed: boolean): Record<string, string> {
  return {
    openid: order.openid,
    is_subscribe: subscribed ? 'Y' : 'N',
    trade_type: 'JSAPI',
    bank_type: BANK_TYPE,
    total_fee: String(order.total),
    fee_type: 'CNY',
    cash_fee: String(order.total),
    cash_fee_type: 'CNY',
    transaction_id: order.transaction_id!,
    out_trade_no: order.out_trade_no,
    ...(order.attach ? { attach: order.attach } : {}),
    time_end: formatV2Time(order.successAt!),
  }
}
