import { describe, expect, it } from 'vitest'
import { newActivityDefaults, prefillFor } from './defaults'
import { END_BEFORE_START, validateEvent } from './fields'

const ME = { id: 'u1', name: 'Grace Hopper' }

describe('validateEvent', () => {
  it('wants the end after the start', () => {
    expect(validateEvent({ start_time: '2026-03-12T10:00', end_time: '2026-03-12T09:00', is_all_day_event: false })).toEqual({ end_time: END_BEFORE_START })
    expect(validateEvent({ start_time: '2026-03-12T10:00', end_time: '2026-03-12T10:00', is_all_day_event: false })).toEqual({ end_time: END_BEFORE_START })
    expect(validateEvent({ start_time: '2026-03-12T10:00', end_time: '2026-03-12T10:30', is_all_day_event: false })).toEqual({})
  })

  it('lets an all-day event end on the day it starts, not before', () => {
    expect(validateEvent({ start_time: '2026-03-12', end_time: '2026-03-12', is_all_day_event: true })).toEqual({})
    expect(validateEvent({ start_time: '2026-03-12', end_time: '2026-03-11', is_all_day_event: true })).toEqual({ end_time: END_BEFORE_START })
  })

  it('leaves missing times to the required check', () => {
    expect(validateEvent({ start_time: '', end_time: '2026-03-11T10:00', is_all_day_event: false })).toEqual({})
  })
})

describe('New Task / New Event defaults', () => {
  it('assigns to me and links what the record page says', () => {
    const prefill = {
      who: { type: 'Contact' as const, id: 'c1', name: 'Jane Doe' },
      what: { type: 'Account' as const, id: 'a1', name: 'Acme' },
    }
    const { values, labels } = newActivityDefaults('Task', ME, prefill)
    expect(values).toEqual({ assigned_to_id: 'u1', who_id: 'c1', who_type: 'Contact', what_id: 'a1', what_type: 'Account', status: 'Not Started', priority: 'Normal' })
    expect(labels).toEqual({ assigned_to_id: 'Grace Hopper', who_id: 'Jane Doe', what_id: 'Acme' })
  })

  it('starts an event at the next full hour for an hour', () => {
    const { values } = newActivityDefaults('Event', ME, {}, new Date(2026, 2, 12, 10, 20))
    expect(values).toMatchObject({ is_all_day_event: false, start_time: '2026-03-12T11:00', end_time: '2026-03-12T12:00' })
  })

  it('starts an all-day event from the calendar on its days', () => {
    const { values } = newActivityDefaults('Event', ME, { start: new Date(2026, 2, 12), end: new Date(2026, 2, 13), allDay: true })
    expect(values).toMatchObject({ is_all_day_event: true, start_time: '2026-03-12', end_time: '2026-03-13' })
  })

  it('makes people the Name and records the Related To', () => {
    expect(prefillFor({ type: 'Lead', id: 'l1', name: 'Jo' })).toEqual({ who: { type: 'Lead', id: 'l1', name: 'Jo' } })
    expect(prefillFor({ type: 'Opportunity', id: 'o1', name: 'Site' })).toEqual({ what: { type: 'Opportunity', id: 'o1', name: 'Site' } })
  })
})
