// Between the calendar (FullCalendar, in the browser's time zone) and the API's events: the range
// to load, events as the calendar draws them, and a drag or resize as the times to save.
import { addDays, isoToUtcDate, localDateKey, utcDateToIso } from '../../shared/record'
import type { ActivityListQuery } from './api'
import type { Activity, ActivityPrefill } from './types'

/** The events query for the visible range [start, end) (FullCalendar's `datesSet`, local midnights). */
export function calendarQuery(start: Date, end: Date): ActivityListQuery {
  return { type: 'Event', assigned_to: 'me', start_date: start.toISOString(), end_date: end.toISOString(), page: 1, page_size: 200 }
}

export interface CalendarEvent {
  id: string
  title: string
  /** ISO date-time, or `YYYY-MM-DD` for all-day events. */
  start: string
  /** Exclusive: the day after the last one for all-day events. */
  end: string
  allDay: boolean
}

/**
 * An event as the calendar draws it. All-day events are stored from midnight UTC of the first day
 * to midnight UTC of the last day; the calendar wants the days, with an exclusive end.
 */
export function toCalendarEvent(activity: Activity): CalendarEvent | undefined {
  if (activity.type !== 'Event' || !activity.start_time) return undefined
  const end = activity.end_time ?? activity.start_time
  if (activity.is_all_day_event) {
    const first = isoToUtcDate(activity.start_time)
    const last = isoToUtcDate(end)
    return { id: activity.id, title: activity.subject, start: first, end: addDays(last < first ? first : last, 1), allDay: true }
  }
  return { id: activity.id, title: activity.subject, start: activity.start_time, end, allDay: false }
}

export interface EventTimes {
  start_time: string
  end_time: string
  is_all_day_event: boolean
}

/**
 * The times to save after a drag or resize (`event.start`, `event.end`, `event.allDay` afterwards).
 * All-day: midnight UTC of the first and the last day. Timed without an end (dropped from the
 * all-day row): one hour.
 */
export function eventTimesFrom(start: Date, end: Date | null, allDay: boolean): EventTimes {
  if (allDay) {
    const first = localDateKey(start)
    const last = end ? addDays(localDateKey(end), -1) : first
    return { start_time: utcDateToIso(first), end_time: utcDateToIso(last < first ? first : last), is_all_day_event: true }
  }
  const finish = end ?? new Date(start.getTime() + 60 * 60 * 1000)
  return { start_time: start.toISOString(), end_time: finish.toISOString(), is_all_day_event: false }
}

/**
 * The New Event a click or a selection on the calendar starts: a slot click an hour from there, a
 * dragged range as it is; a day in the month view from 9 to 10 that day; the all-day row of the
 * week and day views an all-day event.
 */
export function prefillFromSelection(start: Date, end: Date | null, allDay: boolean, view: string): ActivityPrefill {
  if (allDay && view === 'dayGridMonth') {
    const day = new Date(start.getFullYear(), start.getMonth(), start.getDate(), 9, 0)
    return { start: day, end: new Date(day.getTime() + 60 * 60 * 1000), allDay: false }
  }
  if (allDay) {
    // `end` is exclusive: the last day is the one before it.
    const last = end ? new Date(end.getFullYear(), end.getMonth(), end.getDate() - 1) : start
    return { start, end: last < start ? start : last, allDay: true }
  }
  // A click selects one slot (half an hour): a meeting lasts an hour unless a longer range was dragged.
  const finish = end && end.getTime() - start.getTime() > 30 * 60 * 1000 ? end : new Date(start.getTime() + 60 * 60 * 1000)
  return { start, end: finish, allDay: false }
}
