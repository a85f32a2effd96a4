import { useQuery } from '@tanstack/react-query'
import { api, type ListQuery, type ListResponse } from '../../shared/api'
import type { FieldChanges, LookupOption, LookupSearchOptions, VersionedChanges } from '../../shared/record'
import { LINKED_TYPE_LABELS, isLinkedType } from './links'
import { agendaItems, agendaQueries } from './schedule'
import type { Activity, ActivityType, AssigneeRecord, CreateActivityRequest, RecordRef, RelatedRecord, UpdateActivityRequest } from './types'

export interface ActivityListQuery extends ListQuery {
  type?: ActivityType
  /** `me` or a user id. */
  assigned_to?: string
  status?: string
  status_ne?: string
  what_type?: string
  what_id?: string
  who_type?: string
  who_id?: string
  /** An account's rolled-up timeline: activities of the account and of its contacts, opportunities, orders and cases. */
  account_id?: string
  /** A date or an ISO date-time: events overlapping [start, end), tasks due in it; a plain date as end includes that day. */
  start_date?: string
  end_date?: string
}

/** The filters alone (no search, sort or paging). */
export type ActivityFilters = Omit<ActivityListQuery, keyof ListQuery>

const path = (id: string) => `/activities/${encodeURIComponent(id)}`

export const activitiesApi = {
  list: (query: ActivityListQuery, signal?: AbortSignal) => api.get<ListResponse<Activity>>('/activities', { ...query }, signal),
  get: (id: string, signal?: AbortSignal) => api.get<Activity>(path(id), undefined, signal),
  create: (body: CreateActivityRequest) => api.post<Activity>('/activities', body),
  update: (id: string, body: UpdateActivityRequest) => api.put<Activity>(path(id), body),
  /** The "Related To" / "Name" lookups: active records of `types` matching `q`, at most 20. */
  relatedRecords: (types: readonly string[], q: string, signal?: AbortSignal) =>
    api.get<RelatedRecord[]>('/activities/related-records', { types: types.join(','), q: q || undefined }, signal),
  /** The "Assigned To" / "Case Owner" lookups: active users by name or email, at most 20 (open to every user). */
  assignees: (q: string, signal?: AbortSignal) => api.get<AssigneeRecord[]>('/activities/assignees', { q: q || undefined }, signal),
}

export const activityKeys = {
  /** Every activity query: invalidate this after any change (timelines, lists, calendar, home). */
  all: ['activities'] as const,
  lists: ['activities', 'list'] as const,
  detail: (id: string) => ['activities', 'detail', id] as const,
  timeline: (type: string, id: string) => ['activities', 'timeline', type, id] as const,
  calendar: (start: string, end: string) => ['activities', 'calendar', start, end] as const,
  agenda: (day: string) => ['activities', 'agenda', day] as const,
}

export function useActivity(id: string) {
  return useQuery({ queryKey: activityKeys.detail(id), queryFn: ({ signal }) => activitiesApi.get(id, signal) })
}

/** The query of a record's timeline: people by `who_*`, everything else by `what_*`. */
export function timelineQuery(record: Pick<RecordRef, 'type' | 'id'>): ActivityListQuery {
  if (record.type === 'Account') return { account_id: record.id, page: 1, page_size: 200 }
  const people = record.type === 'Contact' || record.type === 'Lead'
  return people
    ? { who_type: record.type, who_id: record.id, page: 1, page_size: 200 }
    : { what_type: record.type, what_id: record.id, page: 1, page_size: 200 }
}

export function useTimeline(record: Pick<RecordRef, 'type' | 'id'>) {
  return useQuery({
    queryKey: activityKeys.timeline(record.type, record.id),
    queryFn: ({ signal }) => activitiesApi.list(timelineQuery(record), signal),
  })
}

/** "My agenda today" (Home): today's events and the open tasks due today or overdue, in the order of the day. */
export function useAgenda(today: string) {
  const { events, tasks } = agendaQueries(today)
  const eventsQuery = useQuery({
    queryKey: [...activityKeys.agenda(today), 'events'],
    queryFn: ({ signal }) => activitiesApi.list({ ...events, sort: 'start_time', page: 1, page_size: 100 }, signal),
  })
  const tasksQuery = useQuery({
    queryKey: [...activityKeys.agenda(today), 'tasks'],
    queryFn: ({ signal }) => activitiesApi.list({ ...tasks, sort: 'due_date', page: 1, page_size: 100 }, signal),
  })
  return {
    items: eventsQuery.data && tasksQuery.data ? agendaItems(eventsQuery.data.items, tasksQuery.data.items, today) : undefined,
    isPending: eventsQuery.isPending || tasksQuery.isPending,
    error: eventsQuery.error ?? tasksQuery.error,
    refetch: () => {
      void eventsQuery.refetch()
      void tasksQuery.refetch()
    },
  }
}

export function toCreateRequest(type: ActivityType, body: FieldChanges): CreateActivityRequest {
  return { ...body, type } as unknown as CreateActivityRequest
}

export function toUpdateRequest(body: VersionedChanges): UpdateActivityRequest {
  return body as unknown as UpdateActivityRequest
}

/** A match of the related-records search as a lookup option: its type's icon, "Opportunity • Acme" under the name. */
export function toLookupOption(record: RelatedRecord): LookupOption {
  const detail = record.detail?.trim()
  const typeLabel = isLinkedType(record.type) ? record.type : String(record.type)
  const meta = detail && detail !== typeLabel ? `${typeLabel} • ${detail}` : typeLabel
  return { id: record.id, label: record.name, type: record.type, meta }
}

/** The lookup search over `types` (or the one chosen in the lookup's type picker). */
export async function searchRelatedRecords(types: readonly string[], q: string, signal?: AbortSignal, options?: LookupSearchOptions): Promise<LookupOption[]> {
  const narrowed = options?.type && types.includes(options.type) ? [options.type] : types
  const records = await activitiesApi.relatedRecords(narrowed, q, signal)
  return records.map(toLookupOption)
}

export function linkedTypesLabel(types: readonly string[]): string {
  return types.map((t) => (isLinkedType(t) ? LINKED_TYPE_LABELS[t] : t)).join(', ')
}

export interface Assignee {
  id: string
  name: string
}

/**
 * "Assigned To": active users matching `q` (name or email), the signed-in user first as "Me". The
 * signed-in user is offered even before the Activities directory has heard of them.
 */
export async function searchAssignees(me: Assignee, q: string, signal?: AbortSignal): Promise<LookupOption[]> {
  const text = q.trim()
  const users = await activitiesApi.assignees(text, signal)
  const others = users.filter((u) => u.id !== me.id).map((u) => ({ id: u.id, label: u.name, meta: u.email }))
  const meMatches = users.some((u) => u.id === me.id) || !text || me.name.toLowerCase().includes(text.toLowerCase()) || 'me'.startsWith(text.toLowerCase())
  return [...(meMatches ? [{ id: me.id, label: me.name, meta: 'Me' }] : []), ...others]
}
