import { useQuery } from '@tanstack/react-query'
import { api, type ListQuery, type ListResponse } from '../../shared/api'
import type { FieldChanges, LookupOption, VersionedChanges } from '../../shared/record'
import type { Account, AccountListItem, CreateAccountRequest, UpdateAccountRequest } from './types'

export interface AccountListQuery extends ListQuery {
  owner_id?: string
  type?: string
}

const path = (id: string) => `/accounts/${encodeURIComponent(id)}`

export const accountsApi = {
  list: (query: AccountListQuery, signal?: AbortSignal) => api.get<ListResponse<AccountListItem>>('/accounts', { ...query }, signal),
  get: (id: string, signal?: AbortSignal) => api.get<Account>(path(id), undefined, signal),
  create: (body: CreateAccountRequest) => api.post<Account>('/accounts', body),
  update: (id: string, body: UpdateAccountRequest) => api.put<Account>(path(id), body),
}

export const accountKeys = {
  all: ['accounts'] as const,
  lists: ['accounts', 'list'] as const,
  detail: (id: string) => ['accounts', 'detail', id] as const,
}

export function useAccount(id: string) {
  return useQuery({
    queryKey: accountKeys.detail(id),
    queryFn: ({ signal }) => accountsApi.get(id, signal),
    enabled: id !== '',
  })
}

/** The form's body as the API's request (name is required by the form, so it's there). */
export function toCreateRequest(body: FieldChanges): CreateAccountRequest {
  return body as unknown as CreateAccountRequest
}

export function toUpdateRequest(body: VersionedChanges): UpdateAccountRequest {
  return body as unknown as UpdateAccountRequest
}

/** Lookup search over the accounts list (Parent Account). */
export async function searchAccounts(q: string, signal?: AbortSignal): Promise<LookupOption[]> {
  const page = await accountsApi.list({ q: q || undefined, sort: 'name', page: 1, page_size: 10 }, signal)
  return page.items.map((a) => ({ id: a.id, label: a.name, meta: [a.type, a.website].filter(Boolean).join(' • ') || undefined }))
}
