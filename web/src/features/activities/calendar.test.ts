import { describe, expect, it } from 'vitest'
import { calendarQuery, eventTimesFrom, prefillFromSelection, toCalendarEvent } from './calendar'
import { allDayEvent, event, task } from './testData'

const at = (month: number, day: number, hour = 0, minute = 0) => new Date(2026, month - 1, day, hour, minute)

describe('the range a view loads', () => {
  it('asks for my events overlapping exactly the visible range', () => {
    // A month view of March 2026 starting Monday 23 Feb, ending (exclusive) Monday 6 April.
    expect(calendarQuery(at(2, 23), at(4, 6))).toEqual({
      type: 'Event',
      assigned_to: 'me',
      start_date: at(2, 23).toISOString(),
      end_date: at(4, 6).toISOString(),
      page: 1,
      page_size: 200,
    })
  })
})

describe('events on the calendar', () => {
  it('draws all-day events over their days with an exclusive end', () => {
    expect(toCalendarEvent(allDayEvent('offsite', '2026-03-12', '2026-03-13'))).toEqual({
      id: 'offsite',
      title: 'offsite',
      start: '2026-03-12',
      end: '2026-03-14',
      allDay: true,
    })
    expect(toCalendarEvent(allDayEvent('day', '2026-03-12', '2026-03-12'))?.end).toBe('2026-03-13')
  })

  it('draws timed events at their moments and leaves tasks out', () => {
    const e = event('call', at(3, 12, 9), at(3, 12, 10))
    expect(toCalendarEvent(e)).toMatchObject({ start: e.start_time, end: e.end_time, allDay: false })
    expect(toCalendarEvent(task('t', '2026-03-12'))).toBeUndefined()
  })
})

describe('saving a drag or a resize', () => {
  it('moves a timed event to its new moments', () => {
    expect(eventTimesFrom(at(3, 13, 14), at(3, 13, 15, 30), false)).toEqual({
      start_time: at(3, 13, 14).toISOString(),
      end_time: at(3, 13, 15, 30).toISOString(),
      is_all_day_event: false,
    })
  })

  it('gives an event dropped from the all-day row an hour', () => {
    expect(eventTimesFrom(at(3, 13, 14), null, false).end_time).toBe(at(3, 13, 15).toISOString())
  })

  it('stores an all-day event from midnight UTC of its first day to midnight UTC of its last day', () => {
    // Resized in the month view to Thu 12 – Sat 14 (the calendar's end is Sunday 15, exclusive).
    expect(eventTimesFrom(at(3, 12), at(3, 15), true)).toEqual({
      start_time: '2026-03-12T00:00:00.000Z',
      end_time: '2026-03-14T00:00:00.000Z',
      is_all_day_event: true,
    })
    expect(eventTimesFrom(at(3, 12), null, true).end_time).toBe('2026-03-12T00:00:00.000Z')
  })
})

describe('New Event from the calendar', () => {
  it('opens a day of the month view from 9 to 10', () => {
    expect(prefillFromSelection(at(3, 12), at(3, 13), true, 'dayGridMonth')).toEqual({ start: at(3, 12, 9), end: at(3, 12, 10), allDay: false })
  })

  it('makes a slot click an hour and keeps a dragged range', () => {
    expect(prefillFromSelection(at(3, 12, 14), at(3, 12, 14, 30), false, 'timeGridWeek')).toEqual({ start: at(3, 12, 14), end: at(3, 12, 15), allDay: false })
    expect(prefillFromSelection(at(3, 12, 14), at(3, 12, 16), false, 'timeGridDay')).toEqual({ start: at(3, 12, 14), end: at(3, 12, 16), allDay: false })
  })

  it('makes the all-day row of the week view an all-day event over the chosen days', () => {
    expect(prefillFromSelection(at(3, 12), at(3, 14), true, 'timeGridWeek')).toEqual({ start: at(3, 12), end: at(3, 13), allDay: true })
  })
})
