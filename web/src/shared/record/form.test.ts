import { describe, expect, it } from 'vitest'
import { ApiError } from '../api'
import type { FieldDef } from './fields'
import { changedValues, createBody, initialLookupLabels, initialValues, REQUIRED_MESSAGE, splitApiErrors, validateRequired } from './form'

interface Thing {
  id: string
  name: string
  phone: string | null
  type: string | null
  notes: string | null
  parent_id: string | null
  parent: { id: string; name: string } | null
  vip: boolean
  owner: string
  version: number
}

const FIELDS: FieldDef<Thing>[] = [
  { name: 'name', label: 'Name', type: 'text', required: true },
  { name: 'phone', label: 'Phone', type: 'phone' },
  { name: 'type', label: 'Type', type: 'picklist', options: ['A', 'B'], required: true },
  { name: 'notes', label: 'Notes', type: 'textarea' },
  {
    name: 'parent_id',
    label: 'Parent',
    type: 'lookup',
    lookup: { objectLabel: 'Things', icon: 'standard:account', search: async () => [] },
    lookupLabel: (t) => t.parent?.name,
  },
  { name: 'vip', label: 'VIP', type: 'checkbox' },
  { name: 'owner', label: 'Owner', type: 'text', readOnly: true, required: true },
]

const THING: Thing = {
  id: 't1',
  name: 'Acme',
  phone: null,
  type: 'A',
  notes: 'Line 1\nLine 2',
  parent_id: 'p1',
  parent: { id: 'p1', name: 'Parent Co' },
  vip: true,
  owner: 'Ada',
  version: 3,
}

describe('initialValues', () => {
  it('maps nulls to empty strings and keeps booleans', () => {
    expect(initialValues(FIELDS, THING)).toEqual({
      name: 'Acme',
      phone: '',
      type: 'A',
      notes: 'Line 1\nLine 2',
      parent_id: 'p1',
      vip: true,
      owner: 'Ada',
    })
  })

  it('starts empty for a new record', () => {
    const values = initialValues(FIELDS)
    expect(values.name).toBe('')
    expect(values.vip).toBe(false)
  })

  it('collects lookup labels', () => {
    expect(initialLookupLabels(FIELDS, THING)).toEqual({ parent_id: 'Parent Co' })
    expect(initialLookupLabels(FIELDS)).toEqual({})
  })
})

describe('validateRequired', () => {
  it('flags empty and whitespace-only required fields', () => {
    const values = { ...initialValues(FIELDS), name: '   ' }
    expect(validateRequired(FIELDS, values)).toEqual({ name: REQUIRED_MESSAGE, type: REQUIRED_MESSAGE })
  })

  it('ignores read-only fields and passes filled ones', () => {
    expect(validateRequired(FIELDS, { ...initialValues(FIELDS), name: 'X', type: 'B', owner: '' })).toEqual({})
  })
})

describe('changedValues', () => {
  it('sends only changed fields, trimmed, with null for a cleared one', () => {
    const base = initialValues(FIELDS, THING)
    const values = { ...base, name: '  Acme Corp ', notes: '', phone: '555', vip: false, owner: 'Someone else' }
    expect(changedValues(FIELDS, base, values)).toEqual({ name: 'Acme Corp', notes: null, phone: '555', vip: false })
  })

  it('treats whitespace-only edits of an empty field as no change', () => {
    const base = initialValues(FIELDS, THING)
    expect(changedValues(FIELDS, base, { ...base, phone: '   ', name: 'Acme ' })).toEqual({})
  })

  it('sends a changed lookup id and a cleared lookup as null', () => {
    const base = initialValues(FIELDS, THING)
    expect(changedValues(FIELDS, base, { ...base, parent_id: 'p2' })).toEqual({ parent_id: 'p2' })
    expect(changedValues(FIELDS, base, { ...base, parent_id: '' })).toEqual({ parent_id: null })
  })
})

describe('createBody', () => {
  it('leaves out empty fields and read-only ones', () => {
    const values = { ...initialValues(FIELDS), name: ' New ', type: 'B', owner: 'x' }
    expect(createBody(FIELDS, values)).toEqual({ name: 'New', type: 'B', vip: false })
  })
})

describe('splitApiErrors', () => {
  it('puts field errors under their fields and the rest in one message', () => {
    const error = new ApiError(400, {
      title: 'One or more validation errors occurred.',
      errors: { Name: ['Account Name is required.'], parentId: ['Choose an active account.'], other: ['Something else.'] },
    })
    const { fieldErrors, other } = splitApiErrors(error, FIELDS.filter((f) => f.name !== 'parent_id'))
    expect(fieldErrors).toEqual({ name: 'Account Name is required.' })
    expect(other).toBe('Choose an active account. Something else.')
  })

  it('maps snake_case keys', () => {
    const error = new ApiError(400, { errors: { parent_id: ['Nope.'] } })
    expect(splitApiErrors(error, FIELDS)).toEqual({ fieldErrors: { parent_id: 'Nope.' }, other: undefined })
  })

  it('uses the display message when no field matches', () => {
    const error = new ApiError(500, { title: 'Boom' })
    expect(splitApiErrors(error, FIELDS).other).toBe('Boom')
    expect(splitApiErrors(undefined, FIELDS)).toEqual({ fieldErrors: {} })
  })
})
