import { useQuery } from '@tanstack/react-query'
import { api, type ListQuery, type ListResponse } from '../../shared/api'
import type { FieldChanges, VersionedChanges } from '../../shared/record'
import type { ConvertLeadRequest, ConvertLeadResponse, CreateLeadRequest, Lead, LeadListItem, UpdateLeadRequest } from './types'

export interface LeadListQuery extends ListQuery {
  status?: string
  /** `me` or a user id. */
  owner_id?: string
  lead_source?: string
}

const path = (id: string) => `/leads/${encodeURIComponent(id)}`

export const leadsApi = {
  list: (query: LeadListQuery, signal?: AbortSignal) => api.get<ListResponse<LeadListItem>>('/leads', { ...query }, signal),
  get: (id: string, signal?: AbortSignal) => api.get<Lead>(path(id), undefined, signal),
  create: (body: CreateLeadRequest) => api.post<Lead>('/leads', body),
  update: (id: string, body: UpdateLeadRequest) => api.put<Lead>(path(id), body),
  convert: (id: string, body: ConvertLeadRequest) => api.post<ConvertLeadResponse>(`${path(id)}/convert`, body),
}

export const leadKeys = {
  all: ['leads'] as const,
  lists: ['leads', 'list'] as const,
  detail: (id: string) => ['leads', 'detail', id] as const,
}

export function useLead(id: string) {
  return useQuery({ queryKey: leadKeys.detail(id), queryFn: ({ signal }) => leadsApi.get(id, signal) })
}

export function toCreateRequest(body: FieldChanges): CreateLeadRequest {
  return body as unknown as CreateLeadRequest
}

export function toUpdateRequest(body: VersionedChanges): UpdateLeadRequest {
  return body as unknown as UpdateLeadRequest
}
