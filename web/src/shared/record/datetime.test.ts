import { describe, expect, it } from 'vitest'
import { addDays, isoToLocalInput, isoToUtcDate, localDateKey, localInputToIso, utcDateToIso } from './datetime'
import type { FieldDef } from './fields'
import { applyChange, changedValues, createBody, formValue, initialValues, toApiValue } from './form'

describe('date and time conversions', () => {
  it('round-trips a local datetime-local value through ISO UTC', () => {
    const local = new Date(2026, 2, 5, 14, 30)
    expect(isoToLocalInput(local.toISOString())).toBe('2026-03-05T14:30')
    expect(localInputToIso('2026-03-05T14:30')).toBe(local.toISOString())
  })

  it('leaves what is not a datetime-local value alone (the API names the problem)', () => {
    expect(localInputToIso('tomorrow')).toBe('tomorrow')
  })

  it('stores all-day days as midnight UTC and reads them back as the same day', () => {
    expect(utcDateToIso('2026-03-05')).toBe('2026-03-05T00:00:00.000Z')
    expect(isoToUtcDate('2026-03-05T00:00:00Z')).toBe('2026-03-05')
  })

  it('adds calendar days across month ends', () => {
    expect(addDays('2026-02-27', 3)).toBe('2026-03-02')
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31')
    expect(localDateKey(new Date(2026, 0, 9, 23, 59))).toBe('2026-01-09')
  })
})

interface Meeting {
  id: string
  start_time: string | null
  end_time: string | null
  is_all_day_event: boolean
  what_type: string | null
  what_id: string | null
  what_name: string | null
  account_id: string | null
  contact_id: string | null
  version: number
}

const FIELDS: FieldDef<Meeting>[] = [
  { name: 'start_time', label: 'Start', type: 'datetime', dateOnlyWhen: 'is_all_day_event', defaultTime: '09:00' },
  { name: 'end_time', label: 'End', type: 'datetime', dateOnlyWhen: 'is_all_day_event', defaultTime: '10:00' },
  { name: 'is_all_day_event', label: 'All-Day Event', type: 'checkbox' },
  {
    name: 'what_id',
    label: 'Related To',
    type: 'lookup',
    typeField: 'what_type',
    lookup: { objectLabel: 'Records', icon: 'standard:account', search: async () => [] },
    lookupLabel: (m) => m.what_name ?? undefined,
  },
  { name: 'account_id', label: 'Account', type: 'lookup', lookup: { objectLabel: 'Accounts', icon: 'standard:account', search: async () => [] }, lookupLabel: () => undefined },
  {
    name: 'contact_id',
    label: 'Contact',
    type: 'lookup',
    dependsOn: 'account_id',
    lookup: { objectLabel: 'Contacts', icon: 'standard:contact', search: async () => [] },
    lookupLabel: () => undefined,
  },
]

const start = new Date(2026, 2, 5, 14, 30).toISOString()
const MEETING: Meeting = {
  id: 'm',
  start_time: start,
  end_time: new Date(2026, 2, 5, 15, 30).toISOString(),
  is_all_day_event: false,
  what_type: 'Opportunity',
  what_id: 'o1',
  what_name: 'Website',
  account_id: 'a1',
  contact_id: 'c1',
  version: 3,
}

describe('date-time and polymorphic fields in forms', () => {
  it('shows a timed event in local time and an all-day event as its UTC day', () => {
    const startField = FIELDS[0]!
    expect(formValue(startField, MEETING)).toBe('2026-03-05T14:30')
    expect(formValue(startField, { ...MEETING, is_all_day_event: true, start_time: '2026-03-05T00:00:00Z' })).toBe('2026-03-05')
  })

  it('sends a date as midnight UTC and a local date-time as ISO UTC', () => {
    const startField = FIELDS[0]!
    expect(toApiValue(startField, '2026-03-05')).toBe('2026-03-05T00:00:00.000Z')
    expect(toApiValue(startField, '2026-03-05T14:30')).toBe(start)
    expect(toApiValue(startField, '')).toBeNull()
  })

  it('holds a polymorphic lookup with its type and sends both only when either changed', () => {
    const base = initialValues(FIELDS, MEETING)
    expect(base.what_type).toBe('Opportunity')
    expect(changedValues(FIELDS, base, base)).toEqual({})
    const { values } = applyChange(FIELDS, base, 'what_id', 'c9', 'Case')
    expect(changedValues(FIELDS, base, values)).toEqual({ what_id: 'c9', what_type: 'Case' })
    const cleared = applyChange(FIELDS, base, 'what_id', '').values
    expect(cleared.what_type).toBe('')
    expect(changedValues(FIELDS, base, cleared)).toEqual({ what_id: null, what_type: null })
  })

  it('creates with the type next to the id, and without either when empty', () => {
    const empty = initialValues(FIELDS)
    expect(createBody(FIELDS, empty)).toEqual({ is_all_day_event: false })
    const chosen = applyChange(FIELDS, empty, 'what_id', 'a1', 'Account').values
    expect(createBody(FIELDS, chosen)).toMatchObject({ what_id: 'a1', what_type: 'Account' })
  })

  it('clears a dependent lookup when the field it depends on changes, and only then', () => {
    const base = initialValues(FIELDS, MEETING)
    const same = applyChange(FIELDS, base, 'account_id', 'a1')
    expect(same.values.contact_id).toBe('c1')
    expect(same.cleared).toEqual([])
    const other = applyChange(FIELDS, base, 'account_id', 'a2')
    expect(other.values.contact_id).toBe('')
    expect(other.cleared).toEqual(['contact_id'])
  })

  it('turns the times into days with All-Day Event, and gives them their default times back without it', () => {
    const base = initialValues(FIELDS, MEETING)
    const allDay = applyChange(FIELDS, base, 'is_all_day_event', true).values
    expect([allDay.start_time, allDay.end_time]).toEqual(['2026-03-05', '2026-03-05'])
    const timed = applyChange(FIELDS, allDay, 'is_all_day_event', false).values
    expect([timed.start_time, timed.end_time]).toEqual(['2026-03-05T09:00', '2026-03-05T10:00'])
  })
})
