// When activities happen, as the user sees it (their time zone): overdue tasks, upcoming and past
// activity, the timeline's sections, the My Tasks date filters and the agenda of a day.
import { addDays, isoToUtcDate, localDate, localDateKey } from '../../shared/record'
import type { ActivityFilters } from './api'
import type { Activity } from './types'

export function isCompletedTask(activity: Activity): boolean {
  return activity.type === 'Task' && activity.status === 'Completed'
}

/** An open task due before `today` (`YYYY-MM-DD`, the user's day). */
export function isOverdueTask(activity: Activity, today: string): boolean {
  return activity.type === 'Task' && !isCompletedTask(activity) && Boolean(activity.due_date) && (activity.due_date as string) < today
}

/** An event that has ended: an all-day event once its last day is before today, others at their end. */
export function isPastEvent(activity: Activity, now: Date): boolean {
  if (activity.type !== 'Event') return false
  const end = activity.end_time ?? activity.start_time
  if (!end) return false
  if (activity.is_all_day_event) return isoToUtcDate(end) < localDateKey(now)
  return Date.parse(end) <= now.getTime()
}

/** "Upcoming & Overdue": open tasks (whatever their due date) and events that haven't ended. */
export function isUpcoming(activity: Activity, now: Date): boolean {
  return activity.type === 'Task' ? !isCompletedTask(activity) : !isPastEvent(activity, now)
}

/**
 * The moment an activity is placed at: a task at the start of its due day, an all-day event at the
 * start of its first day, other events at their start. NaN for a task without a due date.
 */
export function activityTime(activity: Activity): number {
  if (activity.type === 'Task') return activity.due_date ? localDate(activity.due_date).getTime() : Number.NaN
  if (!activity.start_time) return Number.NaN
  if (activity.is_all_day_event) return localDate(isoToUtcDate(activity.start_time)).getTime()
  return Date.parse(activity.start_time)
}

/** Soonest first; no date last; then by creation. */
function compareUpcoming(a: Activity, b: Activity): number {
  const ta = activityTime(a)
  const tb = activityTime(b)
  if (Number.isNaN(ta) !== Number.isNaN(tb)) return Number.isNaN(ta) ? 1 : -1
  if (!Number.isNaN(ta) && ta !== tb) return ta - tb
  // On the same day an all-day event comes before the day's tasks.
  if (a.type !== b.type) return a.type === 'Event' && a.is_all_day_event ? -1 : b.type === 'Event' && b.is_all_day_event ? 1 : 0
  return a.created_at.localeCompare(b.created_at)
}

/** Where a past activity sits: its date, or (a completed task without a due date) when it was last changed. */
function pastTime(activity: Activity): number {
  const time = activityTime(activity)
  return Number.isNaN(time) ? Date.parse(activity.updated_at) : time
}

export interface TimelineMonth {
  /** `YYYY-MM`. */
  key: string
  /** "This Month", "Last Month", "March 2026". */
  label: string
  items: Activity[]
}

export interface TimelineGroups {
  upcoming: Activity[]
  past: TimelineMonth[]
}

const monthFormat = new Intl.DateTimeFormat('en-US', { month: 'long', year: 'numeric' })

export function monthLabel(key: string, now: Date): string {
  const thisMonth = localDateKey(now).slice(0, 7)
  const last = new Date(now.getFullYear(), now.getMonth() - 1, 1)
  if (key === thisMonth) return 'This Month'
  if (key === localDateKey(last).slice(0, 7)) return 'Last Month'
  const [y, m] = key.split('-').map(Number) as [number, number]
  return monthFormat.format(new Date(y, m - 1, 1))
}

/**
 * The activity timeline: "Upcoming & Overdue" (open tasks and events not yet over, soonest first, so
 * the overdue ones lead), then past activity newest first, grouped by month.
 */
export function groupTimeline(activities: readonly Activity[], now: Date): TimelineGroups {
  const upcoming = activities.filter((a) => isUpcoming(a, now)).sort(compareUpcoming)
  const past = activities.filter((a) => !isUpcoming(a, now)).sort((a, b) => pastTime(b) - pastTime(a) || b.created_at.localeCompare(a.created_at))
  const months: TimelineMonth[] = []
  for (const activity of past) {
    const key = localDateKey(new Date(pastTime(activity))).slice(0, 7)
    const month = months.at(-1)
    if (month?.key === key) month.items.push(activity)
    else months.push({ key, label: monthLabel(key, now), items: [activity] })
  }
  return { upcoming, past: months }
}

/** Monday of the week `day` is in (`YYYY-MM-DD`). */
export function weekStart(day: string): string {
  const weekday = localDate(day).getDay() // 0 = Sunday
  return addDays(day, -((weekday + 6) % 7))
}

export type TaskFilter = 'overdue' | 'today' | 'week' | 'open' | 'all'

export const TASK_FILTERS: readonly { value: TaskFilter; label: string; title: string }[] = [
  { value: 'overdue', label: 'Overdue', title: 'Overdue Tasks' },
  { value: 'today', label: 'Today', title: "Today's Tasks" },
  { value: 'week', label: 'This Week', title: "This Week's Tasks" },
  { value: 'open', label: 'All Open', title: 'My Open Tasks' },
  { value: 'all', label: 'All', title: 'All My Tasks' },
]

/**
 * The My Tasks query for a filter: my tasks, open ones unless "All"; due before today (overdue),
 * today, or this week (Monday to Sunday). A plain date as `end_date` includes that whole day.
 */
export function taskFilterQuery(filter: TaskFilter, today: string): ActivityFilters {
  const mine: ActivityFilters = { type: 'Task', assigned_to: 'me' }
  const open: ActivityFilters = { ...mine, status_ne: 'Completed' }
  switch (filter) {
    case 'all':
      return mine
    case 'open':
      return open
    case 'overdue':
      return { ...open, end_date: addDays(today, -1) }
    case 'today':
      return { ...open, start_date: today, end_date: today }
    case 'week': {
      const monday = weekStart(today)
      return { ...open, start_date: monday, end_date: addDays(monday, 6) }
    }
  }
}

/**
 * "My agenda today": today's events and the tasks due today or overdue, in the order of the day:
 * overdue tasks first, then all-day events, today's tasks, and the timed events by their start (an
 * event that began before today counts from the start of today).
 */
export function agendaItems(events: readonly Activity[], tasks: readonly Activity[], today: string): Activity[] {
  const startOfToday = localDate(today).getTime()
  const at = (a: Activity) => {
    const time = activityTime(a)
    if (Number.isNaN(time)) return startOfToday
    return a.type === 'Event' ? Math.max(time, startOfToday) : time
  }
  const rank = (a: Activity) => (a.type === 'Event' ? (a.is_all_day_event ? 0 : 2) : 1)
  const openTasks = tasks.filter((t) => !isCompletedTask(t) && t.due_date !== null && (t.due_date as string) <= today)
  return [...events, ...openTasks].sort((a, b) => at(a) - at(b) || rank(a) - rank(b) || a.subject.localeCompare(b.subject))
}

const shortDay = new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric' })
const shortDayYear = new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', year: 'numeric' })
const timeFormat = new Intl.DateTimeFormat('en-US', { hour: 'numeric', minute: '2-digit' })

/** "Today", "Tomorrow", "Yesterday", "Mar 5" (this year) or "Mar 5, 2025". */
export function dayLabel(day: string, today: string): string {
  if (day === today) return 'Today'
  if (day === addDays(today, 1)) return 'Tomorrow'
  if (day === addDays(today, -1)) return 'Yesterday'
  return (day.slice(0, 4) === today.slice(0, 4) ? shortDay : shortDayYear).format(localDate(day))
}

/** "9:30 AM" in the user's time zone. */
export function timeLabel(iso: string): string {
  return timeFormat.format(new Date(iso))
}

/** The date column of a timeline or agenda row: "Today", "9:30 AM | Mar 5", "All day | Tomorrow", "No due date". */
export function whenLabel(activity: Activity, today: string): string {
  if (activity.type === 'Task') return activity.due_date ? dayLabel(activity.due_date, today) : 'No due date'
  if (!activity.start_time) return ''
  if (activity.is_all_day_event) {
    const first = isoToUtcDate(activity.start_time)
    const last = activity.end_time ? isoToUtcDate(activity.end_time) : first
    return last > first ? `All day | ${dayLabel(first, today)} – ${dayLabel(last, today)}` : `All day | ${dayLabel(first, today)}`
  }
  return `${timeLabel(activity.start_time)} | ${dayLabel(localDateKey(new Date(activity.start_time)), today)}`
}

/**
 * The two queries of "My agenda today": my events overlapping the user's day (local midnight to
 * local midnight, as ISO date-times), and my open tasks due today or before (a plain date as
 * `end_date` includes that day; due dates are days, not moments).
 */
export function agendaQueries(today: string): { events: ActivityFilters; tasks: ActivityFilters } {
  return {
    events: { type: 'Event', assigned_to: 'me', start_date: localDate(today).toISOString(), end_date: localDate(addDays(today, 1)).toISOString() },
    tasks: { type: 'Task', assigned_to: 'me', status_ne: 'Completed', end_date: today },
  }
}
