import { describe, expect, it } from 'vitest'
import { agendaItems, agendaQueries, dayLabel, groupTimeline, isOverdueTask, isPastEvent, taskFilterQuery, weekStart, whenLabel } from './schedule'
import { allDayEvent, event, task } from './testData'

// "Now" is Thursday 12 March 2026, 10:00 in the user's time zone.
const NOW = new Date(2026, 2, 12, 10, 0)
const TODAY = '2026-03-12'
const at = (day: number, hour: number, minute = 0) => new Date(2026, 2, day, hour, minute)

describe('overdue and past', () => {
  it('calls a task overdue only when it is open and due before today', () => {
    expect(isOverdueTask(task('t', '2026-03-11'), TODAY)).toBe(true)
    expect(isOverdueTask(task('t', TODAY), TODAY)).toBe(false)
    expect(isOverdueTask(task('t', '2026-03-11', { status: 'Completed' }), TODAY)).toBe(false)
    expect(isOverdueTask(task('t', null), TODAY)).toBe(false)
  })

  it('ends a timed event at its end and an all-day event after its last day', () => {
    expect(isPastEvent(event('e', at(12, 8), at(12, 9)), NOW)).toBe(true)
    expect(isPastEvent(event('e', at(12, 9), at(12, 11)), NOW)).toBe(false)
    expect(isPastEvent(allDayEvent('e', '2026-03-12', '2026-03-12'), NOW)).toBe(false)
    expect(isPastEvent(allDayEvent('e', '2026-03-10', '2026-03-11'), NOW)).toBe(true)
  })
})

describe('groupTimeline', () => {
  const items = [
    task('done-feb', '2026-02-10', { status: 'Completed' }),
    task('later', '2026-03-20'),
    event('meeting-past', at(3, 9), at(3, 10)),
    task('overdue', '2026-03-01'),
    task('no-date', null),
    event('meeting-next', at(13, 14), at(13, 15)),
    task('done-mar', '2026-03-05', { status: 'Completed' }),
    allDayEvent('offsite', '2026-03-12', '2026-03-13'),
    event('meeting-2025', new Date(2025, 10, 4, 9), new Date(2025, 10, 4, 10)),
  ]

  it('puts open tasks and coming events first, soonest first, so overdue ones lead and undated ones trail', () => {
    const { upcoming } = groupTimeline(items, NOW)
    expect(upcoming.map((a) => a.id)).toEqual(['overdue', 'offsite', 'meeting-next', 'later', 'no-date'])
  })

  it('lists past activity newest first, by month', () => {
    const { past } = groupTimeline(items, NOW)
    expect(past.map((m) => [m.label, m.items.map((a) => a.id)])).toEqual([
      ['This Month', ['done-mar', 'meeting-past']],
      ['Last Month', ['done-feb']],
      ['November 2025', ['meeting-2025']],
    ])
  })
})

describe('My Tasks filters', () => {
  it('asks for my open tasks, and for every task of mine with All', () => {
    expect(taskFilterQuery('open', TODAY)).toEqual({ type: 'Task', assigned_to: 'me', status_ne: 'Completed' })
    expect(taskFilterQuery('all', TODAY)).toEqual({ type: 'Task', assigned_to: 'me' })
  })

  it('bounds the dates: overdue up to yesterday, today, this week Monday to Sunday', () => {
    expect(taskFilterQuery('overdue', TODAY)).toMatchObject({ status_ne: 'Completed', end_date: '2026-03-11' })
    expect(taskFilterQuery('overdue', TODAY)).not.toHaveProperty('start_date')
    expect(taskFilterQuery('today', TODAY)).toMatchObject({ start_date: TODAY, end_date: TODAY })
    expect(taskFilterQuery('week', TODAY)).toMatchObject({ start_date: '2026-03-09', end_date: '2026-03-15' })
  })

  it('starts weeks on Monday, also from a Sunday and across months', () => {
    expect(weekStart('2026-03-15')).toBe('2026-03-09')
    expect(weekStart('2026-03-09')).toBe('2026-03-09')
    expect(weekStart('2026-04-01')).toBe('2026-03-30')
  })
})

describe('My agenda today', () => {
  it('asks for events over the local day as moments, and for tasks due up to today as a day', () => {
    const { events, tasks } = agendaQueries(TODAY)
    expect(events).toEqual({ type: 'Event', assigned_to: 'me', start_date: at(12, 0).toISOString(), end_date: at(13, 0).toISOString() })
    expect(tasks).toEqual({ type: 'Task', assigned_to: 'me', status_ne: 'Completed', end_date: TODAY })
  })

  it('orders the day: overdue tasks, all-day events, tasks due today, then events by time', () => {
    const events = [event('standup', at(12, 9), at(12, 9, 15)), event('lunch', at(12, 12), at(12, 13)), allDayEvent('offsite', TODAY, TODAY), event('night-shift', at(11, 22), at(12, 6))]
    const tasks = [task('call back', TODAY), task('invoice', '2026-03-02'), task('done', TODAY, { status: 'Completed' }), task('next week', '2026-03-19')]
    expect(agendaItems(events, tasks, TODAY).map((a) => a.subject)).toEqual(['invoice', 'offsite', 'call back', 'night-shift', 'standup', 'lunch'])
  })
})

describe('labels', () => {
  it('names nearby days and formats the rest', () => {
    expect(dayLabel(TODAY, TODAY)).toBe('Today')
    expect(dayLabel('2026-03-13', TODAY)).toBe('Tomorrow')
    expect(dayLabel('2026-03-11', TODAY)).toBe('Yesterday')
    expect(dayLabel('2026-03-20', TODAY)).toBe('Mar 20')
    expect(dayLabel('2025-12-24', TODAY)).toBe('Dec 24, 2025')
  })

  it('shows when a task is due, when an event starts, and all-day spans', () => {
    expect(whenLabel(task('t', null), TODAY)).toBe('No due date')
    expect(whenLabel(task('t', '2026-03-13'), TODAY)).toBe('Tomorrow')
    expect(whenLabel(event('e', at(12, 14, 30), at(12, 15)), TODAY)).toBe('2:30 PM | Today')
    expect(whenLabel(allDayEvent('e', '2026-03-12', '2026-03-13'), TODAY)).toBe('All day | Today – Tomorrow')
  })
})
