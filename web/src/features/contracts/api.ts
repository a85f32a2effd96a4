import { useQuery } from '@tanstack/react-query'
import { api, type ListQuery, type ListResponse } from '../../shared/api'
import type { Contract, ContractListItem, GenerateContractRequest, UpdateContractRequest } from './types'

export interface ContractListQuery extends ListQuery {
  status?: string
  account_id?: string
}

const path = (id: string) => `/contracts/${encodeURIComponent(id)}`
export const contractHref = (id: string) => `/contracts/${id}`

export const contractsApi = {
  list: (query: ContractListQuery, signal?: AbortSignal) => api.get<ListResponse<ContractListItem>>('/contracts', { ...query }, signal),
  get: (id: string, signal?: AbortSignal) => api.get<Contract>(path(id), undefined, signal),
  update: (id: string, body: UpdateContractRequest) => api.put<Contract>(path(id), body),
  generate: (opportunityId: string, body: GenerateContractRequest) =>
    api.post<Contract>(`/opportunities/${encodeURIComponent(opportunityId)}/generate-contract`, body),
}

export const contractKeys = {
  all: ['contracts'] as const,
  lists: ['contracts', 'list'] as const,
  detail: (id: string) => ['contracts', 'detail', id] as const,
  byAccount: (accountId: string) => ['contracts', 'account', accountId] as const,
}

export function useContract(id: string) {
  return useQuery({ queryKey: contractKeys.detail(id), queryFn: ({ signal }) => contractsApi.get(id, signal) })
}

export function useAccountContracts(accountId: string) {
  return useQuery({
    queryKey: contractKeys.byAccount(accountId),
    queryFn: ({ signal }) => contractsApi.list({ account_id: accountId, sort: '-start_date', page: 1, page_size: 50 }, signal),
  })
}
