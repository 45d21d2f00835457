/** WeChat Pay's trade_state, v2 and v3 alike (WECHAT-PAY.md §A3, §B4). */
export const TradeState = {
  Success: 'SUCCESS',
  Refund: 'REFUND',
  NotPay: 'NOTPAY',
  Closed: 'CLOSED',
  Revoked: 'REVOKED',
  UserPaying: 'USERPAYING',
  PayError: 'PAYERROR',
} as const
export type TradeState = typeof TradeState[keyof typeof TradeState]

export const TRADE_STATE_DESC: Record<TradeState, string> = {
  SUCCESS: '支付成功',
  REFUND: '转入退款',
  NOTPAY: '订单未支付',
  CLOSED: '已关闭',
  REVOKED: '已撤销（刷卡支付）',
  USERPAYING: '用户支付中',
  PAYERROR: '支付失败',
}

/** out_trade_no: 6-32 of `[0-9A-Za-z_-|*]` (v3 asks 6-32, v2 at most 32). */
export const OUT_TRADE_NO_PATTERN = /^[\w\-|*]{6,32}$/
