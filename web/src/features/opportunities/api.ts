import { useQuery } from '@tanstack/react-query'
import { api, type ListQuery } from '../../shared/api'
import type { FieldChanges, VersionedChanges } from '../../shared/record'
import type {
  AddContactRoleRequest,
  AddLineItemRequest,
  CreateOpportunityRequest,
  Opportunity,
  OpportunityPage,
  UpdateLineItemRequest,
  UpdateOpportunityRequest,
} from './types'

export interface OpportunityListQuery extends ListQuery {
  stage?: string
  account_id?: string
  /** `me` or a user id. */
  owner_id?: string
  /** Close dates in this range, both days included (YYYY-MM-DD). */
  close_from?: string
  close_to?: string
}

const path = (id: string) => `/opportunities/${encodeURIComponent(id)}`

export const opportunitiesApi = {
  list: (query: OpportunityListQuery, signal?: AbortSignal) => api.get<OpportunityPage>('/opportunities', { ...query }, signal),
  get: (id: string, signal?: AbortSignal) => api.get<Opportunity>(path(id), undefined, signal),
  create: (body: CreateOpportunityRequest) => api.post<Opportunity>('/opportunities', body),
  update: (id: string, body: UpdateOpportunityRequest) => api.put<Opportunity>(path(id), body),
  addLineItem: (id: string, body: AddLineItemRequest) => api.post<Opportunity>(`${path(id)}/line_items`, body),
  updateLineItem: (id: string, lineId: string, body: UpdateLineItemRequest) =>
    api.put<Opportunity>(`${path(id)}/line_items/${encodeURIComponent(lineId)}`, body),
  deleteLineItem: (id: string, lineId: string) => api.delete<Opportunity>(`${path(id)}/line_items/${encodeURIComponent(lineId)}`),
  addContactRole: (id: string, body: AddContactRoleRequest) => api.post<Opportunity>(`${path(id)}/contact_roles`, body),
  deleteContactRole: (id: string, roleId: string) => api.delete<Opportunity>(`${path(id)}/contact_roles/${encodeURIComponent(roleId)}`),
}

export const opportunityKeys = {
  all: ['opportunities'] as const,
  lists: ['opportunities', 'list'] as const,
  board: ['opportunities', 'board'] as const,
  column: (stage: string, owner: string) => ['opportunities', 'board', stage, owner] as const,
  detail: (id: string) => ['opportunities', 'detail', id] as const,
}

export function useOpportunity(id: string) {
  return useQuery({ queryKey: opportunityKeys.detail(id), queryFn: ({ signal }) => opportunitiesApi.get(id, signal) })
}

export function toCreateRequest(body: FieldChanges): CreateOpportunityRequest {
  return body as unknown as CreateOpportunityRequest
}

export function toUpdateRequest(body: VersionedChanges): UpdateOpportunityRequest {
  return body as unknown as UpdateOpportunityRequest
}

export const opportunityHref = (id: string) => `/opportunities/${id}`
