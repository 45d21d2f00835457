import { type Order, ORDER_STATUS_LABEL } from '@wxshop/shared'

/** `2026-11-30 15:04:05` in the phone's own time zone (a shopper in China reads Beijing time). */
export function formatOrderTime(iso: string | null): string {
  if (!iso)
    return ''
  const date = new Date(iso)
  if (Number.isNaN(date.getTime()))
    return ''
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`
}

/** 待支付 / 已支付, and for a closed order why: 已取消 or 超时未支付. */
export function orderStateLabel(order: Pick<Order, 'status' | 'closeReason'>): string {
  if (order.status === 'closed')
    return order.closeReason === 'expired' ? '超时未支付' : order.closeReason === 'cancelled' ? '已取消' : ORDER_STATUS_LABEL.closed
  return ORDER_STATUS_LABEL[order.status]
}

export function pieceCount(order: Pick<Order, 'items'>): number {
  return order.items.reduce((n, item) => n + item.quantity, 0)
}

/** Milliseconds left to pay, never below 0. */
export function msLeftToPay(order: Pick<Order, 'expiresAt'>, now = Date.now()): number {
  return Math.max(0, new Date(order.expiresAt).getTime() - now)
}
