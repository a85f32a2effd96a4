import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { NewActivityModal } from './NewActivityModal'
import { activity } from './testData'
import { fakeApi, renderWithApp } from './testServer'

afterEach(() => vi.unstubAllGlobals())

describe('New Task', () => {
  it('starts from the record page, searches people by type, and sends type and id together', async () => {
    const api = fakeApi((call) => {
      if (call.url.pathname === '/api/v1/activities/related-records') {
        return { status: 200, body: [{ type: 'Contact', id: 'c1', name: 'Jane Doe', detail: 'Acme' }] }
      }
      if (call.method === 'POST' && call.url.pathname === '/api/v1/activities') return { status: 201, body: activity({ id: 'new' }) }
      return undefined
    })
    const onClose = vi.fn()
    renderWithApp(<NewActivityModal type="Task" prefill={{ what: { type: 'Opportunity', id: 'o1', name: 'New Website' } }} onClose={onClose} />)
    const user = userEvent.setup({ delay: null })
    const dialog = await screen.findByRole('dialog', { name: 'New Task' })

    expect(within(dialog).getByRole('combobox', { name: 'Assigned To' })).toHaveValue('Grace Hopper')
    expect(within(dialog).getByRole('combobox', { name: 'Related To' })).toHaveValue('New Website')
    expect(within(dialog).getByRole('combobox', { name: 'Status' })).toHaveValue('Not Started')

    // Required: Subject.
    await user.click(within(dialog).getByRole('button', { name: 'Save' }))
    expect(within(dialog).getByText('Complete this field.')).toBeInTheDocument()
    expect(api.calls.some((c) => c.method === 'POST')).toBe(false)

    await user.type(within(dialog).getByLabelText(/Subject/), 'Follow up on proposal')
    await user.selectOptions(within(dialog).getByRole('combobox', { name: 'Name: search in' }), 'Contact')
    await user.type(within(dialog).getByPlaceholderText('Search Contacts...'), 'jane')
    const searched = () => api.calls.find((c) => c.url.pathname.endsWith('/related-records') && c.url.searchParams.get('q') === 'jane')
    await vi.waitFor(() => expect(searched()).toBeDefined())
    expect(searched()?.url.searchParams.get('types')).toBe('Contact')
    await user.click(await within(dialog).findByRole('option', { name: /Jane Doe/ }))

    await user.click(within(dialog).getByRole('button', { name: 'Save' }))
    const post = api.calls.find((c) => c.method === 'POST')
    expect(post?.body).toEqual({
      type: 'Task',
      subject: 'Follow up on proposal',
      status: 'Not Started',
      priority: 'Normal',
      assigned_to_id: 'u1',
      what_id: 'o1',
      what_type: 'Opportunity',
      who_id: 'c1',
      who_type: 'Contact',
    })
    await vi.waitFor(() => expect(onClose).toHaveBeenCalled())
  }, 20_000)

  it("shows the API's 400 errors under the fields", async () => {
    fakeApi((call) =>
      call.method === 'POST' ? { status: 400, body: { title: 'Validation', status: 400, errors: { what_id: ['No Opportunity with this id.'] } } } : undefined,
    )
    renderWithApp(<NewActivityModal type="Task" prefill={{ what: { type: 'Opportunity', id: 'gone', name: 'Old deal' } }} onClose={() => {}} />)
    const user = userEvent.setup({ delay: null })
    const dialog = await screen.findByRole('dialog', { name: 'New Task' })
    await user.type(within(dialog).getByLabelText(/Subject/), 'Call')
    await user.click(within(dialog).getByRole('button', { name: 'Save' }))
    expect(await within(dialog).findByText('No Opportunity with this id.')).toBeInTheDocument()
  }, 20_000)
})

describe('New Event', () => {
  it('switches Start and End to dates with All-Day Event and refuses an end before the start', async () => {
    const api = fakeApi(() => undefined)
    renderWithApp(<NewActivityModal type="Event" prefill={{ start: new Date(2026, 2, 12, 14), end: new Date(2026, 2, 12, 15) }} onClose={() => {}} />)
    const user = userEvent.setup({ delay: null })
    const dialog = await screen.findByRole('dialog', { name: 'New Event' })
    const start = within(dialog).getByLabelText(/Start/)
    expect(start).toHaveAttribute('type', 'datetime-local')
    expect(start).toHaveValue('2026-03-12T14:00')

    await user.click(within(dialog).getByLabelText('All-Day Event'))
    expect(within(dialog).getByLabelText(/Start/)).toHaveAttribute('type', 'date')
    expect(within(dialog).getByLabelText(/Start/)).toHaveValue('2026-03-12')

    await user.type(within(dialog).getByLabelText(/Subject/), 'Offsite')
    const end = within(dialog).getByLabelText(/End/)
    await user.clear(end)
    await user.type(end, '2026-03-11')
    await user.click(within(dialog).getByRole('button', { name: 'Save' }))
    expect(within(dialog).getByText('The end must be after the start.')).toBeInTheDocument()
    expect(api.calls.some((c) => c.method === 'POST')).toBe(false)
  }, 20_000)
})
