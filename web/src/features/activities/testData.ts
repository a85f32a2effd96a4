import type { Activity } from './types'

/** An activity for tests: a task unless told; every field present as the API sends it. */
export function activity(overrides: Partial<Activity> = {}): Activity {
  return {
    id: overrides.id ?? 'a1',
    type: 'Task',
    subject: 'Follow up',
    description: null,
    status: 'Not Started',
    priority: 'Normal',
    due_date: null,
    start_time: null,
    end_time: null,
    is_all_day_event: false,
    location: null,
    assigned_to_id: 'u1',
    assigned_to_name: 'Ada Lovelace',
    what_type: null,
    what_id: null,
    what_name: null,
    who_type: null,
    who_id: null,
    who_name: null,
    is_closed: false,
    is_overdue: false,
    version: 1,
    created_at: '2026-01-01T10:00:00Z',
    created_by: 'u1',
    created_by_name: 'Ada Lovelace',
    updated_at: '2026-01-01T10:00:00Z',
    updated_by: 'u1',
    updated_by_name: 'Ada Lovelace',
    ...overrides,
  }
}

/** A timed event from local date-times. */
export function event(id: string, start: Date, end: Date, overrides: Partial<Activity> = {}): Activity {
  return activity({ id, type: 'Event', status: null, priority: null, subject: id, start_time: start.toISOString(), end_time: end.toISOString(), ...overrides })
}

/** An all-day event over UTC days (`YYYY-MM-DD`, last day included). */
export function allDayEvent(id: string, first: string, last: string, overrides: Partial<Activity> = {}): Activity {
  return activity({
    id,
    type: 'Event',
    status: null,
    priority: null,
    subject: id,
    is_all_day_event: true,
    start_time: `${first}T00:00:00Z`,
    end_time: `${last}T00:00:00Z`,
    ...overrides,
  })
}

export function task(id: string, due: string | null, overrides: Partial<Activity> = {}): Activity {
  return activity({ id, subject: id, due_date: due, ...overrides })
}
