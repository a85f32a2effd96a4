import { useQuery } from '@tanstack/react-query'
import { api, type ListQuery, type ListResponse } from '../../shared/api'
import type { CreatePaymentRequest, Payment, PaymentListItem, UpdatePaymentRequest } from './types'

export interface PaymentListQuery extends ListQuery {
  status?: string
  payment_method?: string
  account_id?: string
}

const path = (id: string) => `/payments/${encodeURIComponent(id)}`

export const paymentsApi = {
  list: (query: PaymentListQuery, signal?: AbortSignal) => api.get<ListResponse<PaymentListItem>>('/payments', { ...query }, signal),
  get: (id: string, signal?: AbortSignal) => api.get<Payment>(path(id), undefined, signal),
  logForOrder: (orderId: string, body: CreatePaymentRequest) => api.post<Payment>(`/orders/${encodeURIComponent(orderId)}/payments`, body),
  logForContract: (contractId: string, body: CreatePaymentRequest) => api.post<Payment>(`/contracts/${encodeURIComponent(contractId)}/payments`, body),
  update: (id: string, body: UpdatePaymentRequest) => api.put<Payment>(path(id), body),
  void: (id: string, version: number) => api.put<Payment>(path(id), { status: 'Void', version } satisfies UpdatePaymentRequest),
}

export const paymentKeys = {
  all: ['payments'] as const,
  lists: ['payments', 'list'] as const,
}

/** An account's latest payments (orders' and contracts'), for its record page. */
export function useAccountPayments(accountId: string) {
  return useQuery({
    queryKey: [...paymentKeys.lists, 'account', accountId] as const,
    queryFn: ({ signal }) => paymentsApi.list({ account_id: accountId, sort: '-payment_date', page: 1, page_size: 50 }, signal),
  })
}
