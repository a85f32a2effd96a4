// Case types: the Activities service's OpenAPI schemas (web/openapi/activities.json →
// shared/api/generated/activities.ts), through the shared wire fix-ups.
import type { components } from '../../shared/api/generated/activities'
import type { Wire, WireBody } from '../../shared/api/wire'

type Schemas = components['schemas']

export type CaseStatus = Schemas['CaseStatus']
export type CasePriority = Schemas['CasePriority']

/** GET /cases/{id}, list rows, POST/PUT answers. */
export type Case = Wire<Schemas['CaseResponse']>
export type CaseListItem = Case
/** POST /cases: `subject`, `status`, `priority`, `account_id` plus the filled-in fields. */
export type CreateCaseRequest = WireBody<Schemas['CreateCaseRequest']> & { subject: string; status: CaseStatus; priority: CasePriority; account_id: string }
/** PUT /cases/{id}: the changed fields plus `version`. */
export type UpdateCaseRequest = WireBody<Schemas['UpdateCaseRequest']> & { version: number }

export const CASE_STATUSES = ['New', 'In Progress', 'Closed'] as const satisfies readonly CaseStatus[]
export const CASE_PRIORITIES = ['High', 'Medium', 'Low'] as const satisfies readonly CasePriority[]
