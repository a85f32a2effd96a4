import { describe, expect, it } from 'vitest'
import { ApiError } from '../api'
import { conflictCurrent, conflictRows } from './conflict'
import type { FieldDef } from './fields'

interface Thing {
  id: string
  name: string
  phone: string | null
  website: string | null
  parent_id: string | null
  parent: { id: string; name: string } | null
  vip: boolean
  version: number
}

const FIELDS: FieldDef<Thing>[] = [
  { name: 'name', label: 'Account Name', type: 'text', required: true },
  { name: 'phone', label: 'Phone', type: 'phone' },
  { name: 'website', label: 'Website', type: 'url' },
  {
    name: 'parent_id',
    label: 'Parent Account',
    type: 'lookup',
    lookup: { objectLabel: 'Accounts', icon: 'standard:account', search: async () => [] },
    lookupLabel: (t) => t.parent?.name,
  },
  { name: 'vip', label: 'VIP', type: 'checkbox' },
]

const BASE: Thing = { id: 'a', name: 'Acme', phone: '111', website: null, parent_id: null, parent: null, vip: false, version: 1 }

describe('conflictRows', () => {
  it('lists only fields they changed; theirs-only rows are no conflict', () => {
    const current = { ...BASE, website: 'acme.com', version: 2 }
    const rows = conflictRows(FIELDS, BASE, current, { phone: '222' })
    expect(rows).toEqual([{ name: 'website', label: 'Website', theirs: 'acme.com', yours: undefined, conflict: false }])
  })

  it('marks a field both changed differently as a conflict', () => {
    const current = { ...BASE, phone: '999', version: 2 }
    expect(conflictRows(FIELDS, BASE, current, { phone: '222' })).toEqual([
      { name: 'phone', label: 'Phone', theirs: '999', yours: '222', conflict: true },
    ])
  })

  it('is no conflict when both made the same change', () => {
    const current = { ...BASE, phone: '222', version: 2 }
    expect(conflictRows(FIELDS, BASE, current, { phone: '222' })[0]?.conflict).toBe(false)
  })

  it('shows a field you cleared as empty and compares null with empty text', () => {
    const current = { ...BASE, phone: '333', version: 2 }
    expect(conflictRows(FIELDS, BASE, current, { phone: null })).toEqual([
      { name: 'phone', label: 'Phone', theirs: '333', yours: '', conflict: true },
    ])
    // '' on one side and null on the other is the same stored value: no row.
    expect(conflictRows(FIELDS, { ...BASE, website: '' }, { ...BASE, version: 2 }, {})).toEqual([])
  })

  it('describes lookups by label and checkboxes as Yes/No', () => {
    const current = { ...BASE, parent_id: 'p1', parent: { id: 'p1', name: 'Parent Co' }, vip: true, version: 2 }
    const rows = conflictRows(FIELDS, BASE, current, { parent_id: 'p2' }, { parent_id: 'Other Parent' })
    expect(rows).toEqual([
      { name: 'parent_id', label: 'Parent Account', theirs: 'Parent Co', yours: 'Other Parent', conflict: true },
      { name: 'vip', label: 'VIP', theirs: 'Yes', yours: undefined, conflict: false },
    ])
  })

  it('skips bookkeeping fields marked skipInConflicts', () => {
    const withSkip: FieldDef<Thing>[] = [...FIELDS.slice(0, 1), { ...FIELDS[0]!, name: 'phone', label: 'Phone', skipInConflicts: true }]
    expect(conflictRows(withSkip, BASE, { ...BASE, phone: '2', version: 2 }, {})).toEqual([])
  })

  it('is empty when only the version moved', () => {
    expect(conflictRows(FIELDS, BASE, { ...BASE, version: 5 }, { name: 'X' })).toEqual([])
  })
})

describe('conflictCurrent', () => {
  it('reads the current record from a 409 problem', () => {
    const current = { ...BASE, version: 2 }
    const error = new ApiError(409, { title: 'Conflict', status: 409 }, { title: 'Conflict', status: 409, current })
    expect(conflictCurrent<Thing>(error)).toEqual(current)
  })

  it('ignores other errors and 409s without a versioned current', () => {
    expect(conflictCurrent(new ApiError(400, {}, { current: { version: 2 } }))).toBeUndefined()
    expect(conflictCurrent(new ApiError(409, {}, { title: 'Conflict', detail: 'Already converted.' }))).toBeUndefined()
    expect(conflictCurrent(new Error('x'))).toBeUndefined()
  })
})
