import { systemSection, isDateKey, localInputToIso, type FieldDef, type FieldErrors, type FieldSection, type FormValues } from '../../shared/record'
import { linkedTypesLabel, searchAssignees, searchRelatedRecords, type Assignee } from './api'
import { LINKED_TYPE_ICONS, LINKED_TYPE_LABELS, linkedRecordHref } from './links'
import { TASK_PRIORITIES, TASK_STATUSES, WHAT_TYPES, WHO_TYPES, type Activity } from './types'

function assignedTo(me: Assignee): FieldDef<Activity> {
  return {
    name: 'assigned_to_id',
    label: 'Assigned To',
    type: 'lookup',
    required: true,
    lookup: { objectLabel: 'People', icon: 'standard:user', search: (q, signal) => searchAssignees(me, q, signal), scope: me.id },
    lookupLabel: (a) => a.assigned_to_name ?? undefined,
  }
}

/** "Related To": Account, Opportunity, Case or Order (`what_type` + `what_id`). */
const relatedTo: FieldDef<Activity> = {
  name: 'what_id',
  label: 'Related To',
  type: 'lookup',
  typeField: 'what_type',
  lookup: {
    objectLabel: linkedTypesLabel(WHAT_TYPES),
    icon: 'standard:account',
    types: WHAT_TYPES.map((t) => ({ value: t, label: LINKED_TYPE_LABELS[t], icon: LINKED_TYPE_ICONS[t] })),
    search: (q, signal, options) => searchRelatedRecords(WHAT_TYPES, q, signal, options),
    recordHref: (id, type) => linkedRecordHref(type, id),
  },
  lookupLabel: (a) => a.what_name ?? undefined,
}

/** "Name": a Contact or a Lead (`who_type` + `who_id`). */
const name: FieldDef<Activity> = {
  name: 'who_id',
  label: 'Name',
  type: 'lookup',
  typeField: 'who_type',
  lookup: {
    objectLabel: linkedTypesLabel(WHO_TYPES),
    icon: 'standard:contact',
    types: WHO_TYPES.map((t) => ({ value: t, label: LINKED_TYPE_LABELS[t], icon: LINKED_TYPE_ICONS[t] })),
    search: (q, signal, options) => searchRelatedRecords(WHO_TYPES, q, signal, options),
    recordHref: (id, type) => linkedRecordHref(type, id),
  },
  lookupLabel: (a) => a.who_name ?? undefined,
}


/** The New Task layout (Salesforce's): Subject, Due Date, Status, Priority, Assigned To, Related To, Name, Comments. */
export function taskSections(me: Assignee, { system = false } = {}): FieldSection<Activity>[] {
  return [
    {
      title: 'Task Information',
      fields: [
        { name: 'subject', label: 'Subject', type: 'text', required: true, maxLength: 255, wide: true },
        { name: 'due_date', label: 'Due Date', type: 'date' },
        { name: 'status', label: 'Status', type: 'picklist', required: true, options: TASK_STATUSES },
        { name: 'priority', label: 'Priority', type: 'picklist', required: true, options: TASK_PRIORITIES },
        assignedTo(me),
        relatedTo,
        name,
        { name: 'description', label: 'Comments', type: 'textarea', wide: true, maxLength: 32000 },
      ],
    },
    ...(system ? [systemSection<Activity>()] : []),
  ]
}

/** The New Event layout: Subject, Start, End, All-Day Event (dates only), Location, Description; Assigned To, Related To, Name. */
export function eventSections(me: Assignee, { system = false } = {}): FieldSection<Activity>[] {
  return [
    {
      title: 'Calendar Details',
      fields: [
        { name: 'subject', label: 'Subject', type: 'text', required: true, maxLength: 255, wide: true },
        { name: 'start_time', label: 'Start', type: 'datetime', required: true, dateOnlyWhen: 'is_all_day_event', defaultTime: '09:00' },
        { name: 'end_time', label: 'End', type: 'datetime', required: true, dateOnlyWhen: 'is_all_day_event', defaultTime: '10:00' },
        { name: 'is_all_day_event', label: 'All-Day Event', type: 'checkbox' },
        { name: 'location', label: 'Location', type: 'text', maxLength: 255 },
        { name: 'description', label: 'Description', type: 'textarea', wide: true, maxLength: 32000 },
      ],
    },
    {
      title: 'Related Records',
      fields: [assignedTo(me), relatedTo, name],
    },
    ...(system ? [systemSection<Activity>()] : []),
  ]
}

export const END_BEFORE_START = 'The end must be after the start.'

/**
 * The event's times make sense: the end after the start (on or after it for an all-day event, whose
 * end is its last day). Missing values are left to the required check.
 */
export function validateEvent(values: FormValues): FieldErrors {
  const start = values.start_time
  const end = values.end_time
  if (typeof start !== 'string' || typeof end !== 'string' || !start.trim() || !end.trim()) return {}
  const allDay = values.is_all_day_event === true
  if (allDay || (isDateKey(start) && isDateKey(end))) {
    return end.slice(0, 10) < start.slice(0, 10) ? { end_time: END_BEFORE_START } : {}
  }
  const startMs = Date.parse(localInputToIso(start))
  const endMs = Date.parse(localInputToIso(end))
  if (Number.isNaN(startMs) || Number.isNaN(endMs)) return {}
  return endMs <= startMs ? { end_time: END_BEFORE_START } : {}
}
