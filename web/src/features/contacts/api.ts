import { useQuery } from '@tanstack/react-query'
import { api, type ListQuery, type ListResponse } from '../../shared/api'
import type { FieldChanges, LookupOption, VersionedChanges } from '../../shared/record'
import type { Contact, ContactListItem, CreateContactRequest, UpdateContactRequest } from './types'

export interface ContactListQuery extends ListQuery {
  account_id?: string
}

const path = (id: string) => `/contacts/${encodeURIComponent(id)}`

export const contactsApi = {
  list: (query: ContactListQuery, signal?: AbortSignal) => api.get<ListResponse<ContactListItem>>('/contacts', { ...query }, signal),
  get: (id: string, signal?: AbortSignal) => api.get<Contact>(path(id), undefined, signal),
  create: (body: CreateContactRequest) => api.post<Contact>('/contacts', body),
  update: (id: string, body: UpdateContactRequest) => api.put<Contact>(path(id), body),
}

export const contactKeys = {
  all: ['contacts'] as const,
  lists: ['contacts', 'list'] as const,
  detail: (id: string) => ['contacts', 'detail', id] as const,
}

export function useContact(id: string) {
  return useQuery({ queryKey: contactKeys.detail(id), queryFn: ({ signal }) => contactsApi.get(id, signal), enabled: id !== '' })
}

export function toCreateRequest(body: FieldChanges): CreateContactRequest {
  return body as unknown as CreateContactRequest
}

export function toUpdateRequest(body: VersionedChanges): UpdateContactRequest {
  return body as unknown as UpdateContactRequest
}

/** Lookup search over one account's contacts (Reports To, contact roles). */
export async function searchAccountContacts(accountId: string, q: string, signal?: AbortSignal, excludeId?: string): Promise<LookupOption[]> {
  const page = await contactsApi.list({ account_id: accountId, q: q || undefined, sort: 'name', page: 1, page_size: 20 }, signal)
  return page.items.filter((c) => c.id !== excludeId).map((c) => ({ id: c.id, label: c.name, meta: c.title ?? undefined }))
}

/** Lookup search over every contact, with its account as the second line. */
export async function searchContacts(q: string, signal?: AbortSignal): Promise<LookupOption[]> {
  const page = await contactsApi.list({ q: q || undefined, sort: 'name', page: 1, page_size: 10 }, signal)
  return page.items.map((c) => ({ id: c.id, label: c.name, meta: c.account_name ?? undefined }))
}
