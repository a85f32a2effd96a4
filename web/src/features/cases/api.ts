import { useQuery } from '@tanstack/react-query'
import { api, type ListQuery, type ListResponse } from '../../shared/api'
import type { FieldChanges, VersionedChanges } from '../../shared/record'
import type { Case, CaseListItem, CreateCaseRequest, UpdateCaseRequest } from './types'

export interface CaseListQuery extends ListQuery {
  status?: string
  status_ne?: string
  priority?: string
  account_id?: string
  contact_id?: string
  /** `me` or a user id. */
  owner?: string
}

const path = (id: string) => `/cases/${encodeURIComponent(id)}`
export const caseHref = (id: string) => `/cases/${id}`

export const casesApi = {
  list: (query: CaseListQuery, signal?: AbortSignal) => api.get<ListResponse<CaseListItem>>('/cases', { ...query }, signal),
  get: (id: string, signal?: AbortSignal) => api.get<Case>(path(id), undefined, signal),
  create: (body: CreateCaseRequest) => api.post<Case>('/cases', body),
  update: (id: string, body: UpdateCaseRequest) => api.put<Case>(path(id), body),
}

export const caseKeys = {
  all: ['cases'] as const,
  lists: ['cases', 'list'] as const,
  detail: (id: string) => ['cases', 'detail', id] as const,
  related: (by: 'account' | 'contact', id: string) => ['cases', by, id] as const,
  mine: ['cases', 'mine'] as const,
}

export function useCase(id: string) {
  return useQuery({ queryKey: caseKeys.detail(id), queryFn: ({ signal }) => casesApi.get(id, signal) })
}

/** The Cases related list of an account or a contact (newest first). */
export function useRelatedCases(by: 'account' | 'contact', id: string) {
  return useQuery({
    queryKey: caseKeys.related(by, id),
    queryFn: ({ signal }) =>
      casesApi.list({ ...(by === 'account' ? { account_id: id } : { contact_id: id }), sort: '-created_at', page: 1, page_size: 50 }, signal),
  })
}

/** Home: my open cases in queue order (priority, then oldest). */
export function useMyOpenCases() {
  return useQuery({
    queryKey: caseKeys.mine,
    queryFn: ({ signal }) => casesApi.list({ owner: 'me', status_ne: 'Closed', page: 1, page_size: 10 }, signal),
  })
}

export function toCreateRequest(body: FieldChanges): CreateCaseRequest {
  return body as unknown as CreateCaseRequest
}

export function toUpdateRequest(body: VersionedChanges): UpdateCaseRequest {
  return body as unknown as UpdateCaseRequest
}
