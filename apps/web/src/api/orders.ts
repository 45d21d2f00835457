import type { CreateOrderBody, Order, OrderList, OrderStatus, PayParams } from '@wxshop/shared'
import { request } from './client'

export interface OrderListParams {
  status?: OrderStatus
  page?: number
  pageSize?: number
}

/** POST /api/orders: products, quantities and the address only; the server prices the order. */
export function createOrder(body: CreateOrderBody): Promise<Order> {
  return request<Order>('/api/orders', { method: 'POST', body })
}

export function listOrders(params: OrderListParams = {}, signal?: AbortSignal): Promise<OrderList> {
  const { status, page, pageSize } = params
  return request<OrderList>('/api/orders', { query: { status, page, pageSize }, signal })
}

export function getOrder(id: number, signal?: AbortSignal): Promise<Order> {
  return request<Order>(`/api/orders/${id}`, { signal })
}

/** Unified order on the server, then the six getBrandWCPayRequest parameters (409 ORDER_STATE, 502 PAY_FAILED). */
export function payOrder(id: number): Promise<PayParams> {
  return request<PayParams>(`/api/orders/${id}/pay`, { method: 'POST', body: {} })
}

export function cancelOrder(id: number): Promise<Order> {
  return request<Order>(`/api/orders/${id}/cancel`, { method: 'POST', body: {} })
}

/** Asks the server to query WeChat Pay for this order's state now (while 支付确认中). */
export function syncOrder(id: number): Promise<Order> {
  return request<Order>(`/api/orders/${id}/sync`, { method: 'POST', body: {} })
}
