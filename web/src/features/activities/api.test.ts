import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { searchAssignees, searchRelatedRecords, timelineQuery, toLookupOption } from './api'

function json(status: number, body: unknown) {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json' } })
}

describe('related records in the lookups', () => {
  it('shows the type and the detail under the name, and just the type when the detail says nothing more', () => {
    expect(toLookupOption({ type: 'Opportunity', id: 'o1', name: 'New Website', detail: 'Acme' })).toEqual({
      id: 'o1',
      label: 'New Website',
      type: 'Opportunity',
      meta: 'Opportunity • Acme',
    })
    expect(toLookupOption({ type: 'Account', id: 'a1', name: 'Acme', detail: 'Account' }).meta).toBe('Account')
    expect(toLookupOption({ type: 'Lead', id: 'l1', name: 'Jo Lee', detail: null }).meta).toBe('Lead')
  })

  it('finds people by contact or lead, records by the page they link to, and rolls an account up', () => {
    expect(timelineQuery({ type: 'Account', id: 'a1' })).toMatchObject({ account_id: 'a1' })
    expect(timelineQuery({ type: 'Account', id: 'a1' })).not.toHaveProperty('what_type')
    expect(timelineQuery({ type: 'Contact', id: 'c1' })).toMatchObject({ who_type: 'Contact', who_id: 'c1' })
    expect(timelineQuery({ type: 'Order', id: 'o1' })).toMatchObject({ what_type: 'Order', what_id: 'o1' })
    expect(timelineQuery({ type: 'Order', id: 'o1' })).not.toHaveProperty('who_type')
  })
})

describe('lookup searches', () => {
  const fetchMock = vi.fn<typeof fetch>()
  beforeEach(() => vi.stubGlobal('fetch', fetchMock))
  afterEach(() => {
    vi.unstubAllGlobals()
    fetchMock.mockReset()
  })

  it('searches every type of the lookup, or only the one picked', async () => {
    fetchMock.mockImplementation(async () => json(200, [{ type: 'Case', id: 'k1', name: 'Site down', detail: '00001001' }]))
    const all = await searchRelatedRecords(['Account', 'Opportunity', 'Case', 'Order'], 'site')
    expect(String(fetchMock.mock.calls[0]![0])).toBe('/api/v1/activities/related-records?types=Account%2COpportunity%2CCase%2COrder&q=site')
    expect(all).toEqual([{ id: 'k1', label: 'Site down', type: 'Case', meta: 'Case • 00001001' }])

    await searchRelatedRecords(['Contact', 'Lead'], '', undefined, { type: 'Lead' })
    expect(String(fetchMock.mock.calls[1]![0])).toBe('/api/v1/activities/related-records?types=Lead')
  })

  it('offers colleagues from the assignees lookup with me first, even before the directory knows me', async () => {
    const me = { id: 'u1', name: 'Grace Hopper' }
    fetchMock.mockResolvedValueOnce(json(200, [{ id: 'u2', name: 'Alan X', email: 'alan@x.test' }, { id: 'u1', name: 'Grace Hopper', email: 'grace@x.test' }]))
    expect(await searchAssignees(me, '')).toEqual([
      { id: 'u1', label: 'Grace Hopper', meta: 'Me' },
      { id: 'u2', label: 'Alan X', meta: 'alan@x.test' },
    ])
    expect(String(fetchMock.mock.calls[0]![0])).toBe('/api/v1/activities/assignees')

    fetchMock.mockResolvedValueOnce(json(200, []))
    expect(await searchAssignees(me, 'grace')).toEqual([{ id: 'u1', label: 'Grace Hopper', meta: 'Me' }])
    expect(String(fetchMock.mock.calls[1]![0])).toBe('/api/v1/activities/assignees?q=grace')

    fetchMock.mockResolvedValueOnce(json(200, [{ id: 'u2', name: 'Alan X', email: 'alan@x.test' }]))
    expect(await searchAssignees(me, 'alan')).toEqual([{ id: 'u2', label: 'Alan X', meta: 'alan@x.test' }])
  })
})
