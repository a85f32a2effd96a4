import { isoToLocalInput, localDateKey, type FormValues, type LookupLabels } from '../../shared/record'
import { displayName, useCurrentUser } from '../auth/session'
import type { Assignee } from './api'
import type { ActivityPrefill, ActivityType, RecordRef } from './types'

/** The signed-in user as an "Assigned To" choice. */
export function useAssignee(): Assignee | undefined {
  const me = useCurrentUser().data
  return me ? { id: me.id, name: displayName(me) } : undefined
}

/** The next full hour from `now`. */
function nextHour(now: Date): Date {
  const next = new Date(now)
  next.setMinutes(0, 0, 0)
  next.setHours(next.getHours() + 1)
  return next
}

/**
 * What the New Task / New Event form starts with: assigned to me; Related To and Name from the
 * record page it was opened on; a task Not Started with Normal priority; an event at the next full
 * hour for an hour, or the calendar slot it was opened from.
 */
export function newActivityDefaults(type: ActivityType, me: Assignee, prefill: ActivityPrefill = {}, now = new Date()): { values: FormValues; labels: LookupLabels } {
  const values: FormValues = { assigned_to_id: me.id }
  const labels: LookupLabels = { assigned_to_id: me.name }
  if (prefill.what) {
    values.what_id = prefill.what.id
    values.what_type = prefill.what.type
    labels.what_id = prefill.what.name
  }
  if (prefill.who) {
    values.who_id = prefill.who.id
    values.who_type = prefill.who.type
    labels.who_id = prefill.who.name
  }
  if (type === 'Task') {
    values.status = 'Not Started'
    values.priority = 'Normal'
    if (prefill.dueDate) values.due_date = prefill.dueDate
    return { values, labels }
  }
  const start = prefill.start ?? nextHour(now)
  const end = prefill.end ?? new Date(start.getTime() + 60 * 60 * 1000)
  if (prefill.allDay) {
    values.is_all_day_event = true
    values.start_time = localDateKey(start)
    values.end_time = localDateKey(end)
  } else {
    values.is_all_day_event = false
    values.start_time = isoToLocalInput(start.toISOString())
    values.end_time = isoToLocalInput(end.toISOString())
  }
  return { values, labels }
}

/** The default pre-fill of a record page: people are the "Name", everything else "Related To". */
export function prefillFor(record: RecordRef): ActivityPrefill {
  if (record.type === 'Contact' || record.type === 'Lead') return { who: { type: record.type, id: record.id, name: record.name } }
  return { what: { type: record.type, id: record.id, name: record.name } }
}
