import { useQuery } from '@tanstack/react-query'
import { api, type ListQuery, type ListResponse } from '../../shared/api'
import type { Order, OrderListItem, UpdateOrderRequest } from './types'

export interface OrderListQuery extends ListQuery {
  status?: string
  account_id?: string
  /** Age of the order in days: 0-30, 31-60, 61-90, 90+. */
  aging?: string
  /** `true`: only orders with a balance due. */
  balance_due?: string
}

const path = (id: string) => `/orders/${encodeURIComponent(id)}`
export const orderHref = (id: string) => `/orders/${id}`

export const ordersApi = {
  list: (query: OrderListQuery, signal?: AbortSignal) => api.get<ListResponse<OrderListItem>>('/orders', { ...query }, signal),
  get: (id: string, signal?: AbortSignal) => api.get<Order>(path(id), undefined, signal),
  update: (id: string, body: UpdateOrderRequest) => api.put<Order>(path(id), body),
  /** Only a Closed Won opportunity; 201 the order, 409 naming the order already generated, 404 before Billing has the deal. */
  generate: (opportunityId: string) => api.post<Order>(`/opportunities/${encodeURIComponent(opportunityId)}/generate-order`),
}

export const orderKeys = {
  all: ['orders'] as const,
  lists: ['orders', 'list'] as const,
  detail: (id: string) => ['orders', 'detail', id] as const,
  byAccount: (accountId: string) => ['orders', 'account', accountId] as const,
}

export function useOrder(id: string) {
  return useQuery({ queryKey: orderKeys.detail(id), queryFn: ({ signal }) => ordersApi.get(id, signal) })
}

export function useAccountOrders(accountId: string) {
  return useQuery({
    queryKey: orderKeys.byAccount(accountId),
    queryFn: ({ signal }) => ordersApi.list({ account_id: accountId, sort: '-order_date', page: 1, page_size: 50 }, signal),
  })
}
