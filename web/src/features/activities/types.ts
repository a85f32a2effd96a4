// Activity types (tasks and events): the Activities service's OpenAPI schemas
// (web/openapi/activities.json → shared/api/generated/activities.ts), through the shared wire fix-ups.
import type { components } from '../../shared/api/generated/activities'
import type { Wire, WireBody } from '../../shared/api/wire'

type Schemas = components['schemas']

export type ActivityType = Schemas['ActivityType']
/** Tasks only (events have none). */
export type TaskStatus = NonNullable<Schemas['ActivityStatus']>
export type TaskPriority = NonNullable<Schemas['ActivityPriority']>
/** "Related To" objects. */
export type WhatType = NonNullable<Schemas['WhatType']>
/** "Name" objects (people). */
export type WhoType = NonNullable<Schemas['WhoType']>

/** A task or an event (GET /activities/{id}, list rows, POST/PUT answers). */
export type Activity = Wire<Schemas['ActivityResponse']>
/** POST /activities: `type`, `subject`, `assigned_to_id` plus the filled-in fields. */
export type CreateActivityRequest = WireBody<Schemas['CreateActivityRequest']> & { type: ActivityType; subject: string; assigned_to_id: string }
/** PUT /activities/{id}: the changed fields plus `version`. */
export type UpdateActivityRequest = WireBody<Schemas['UpdateActivityRequest']> & { version: number }
/** A match of GET /activities/related-records ("Related To" / "Name" lookups). */
export type RelatedRecord = Wire<Schemas['RelatedRecordResponse']>
/** A row of GET /activities/assignees. */
export type AssigneeRecord = Wire<Schemas['AssigneeResponse']>

export const TASK_STATUSES = ['Not Started', 'In Progress', 'Completed', 'Waiting on someone else', 'Deferred'] as const satisfies readonly TaskStatus[]
export const TASK_PRIORITIES = ['High', 'Normal', 'Low'] as const satisfies readonly TaskPriority[]
export const WHAT_TYPES = ['Account', 'Opportunity', 'Case', 'Order'] as const satisfies readonly WhatType[]
export const WHO_TYPES = ['Contact', 'Lead'] as const satisfies readonly WhoType[]

/** A record an activity points at: "Related To" (what) or "Name" (who). */
export interface RecordRef<T extends string = WhatType | WhoType> {
  type: T
  id: string
  name: string
}

/** What a new task or event starts with when opened from a record page. */
export interface ActivityPrefill {
  what?: RecordRef<WhatType>
  who?: RecordRef<WhoType>
  /** Events: the start and end, e.g. from a calendar slot; all-day: the first and the last day (local dates). */
  start?: Date
  end?: Date
  allDay?: boolean
  /** Tasks: `YYYY-MM-DD`. */
  dueDate?: string
}
