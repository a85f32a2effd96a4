import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { ActivityTimeline } from './ActivityTimeline'
import { event, task } from './testData'
import { fakeApi, renderWithApp } from './testServer'

const NOW = new Date(2026, 2, 12, 10, 0)

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] })
  vi.setSystemTime(NOW)
})
afterEach(() => {
  vi.useRealTimers()
  vi.unstubAllGlobals()
})

const ITEMS = [
  task('Send invoice', '2026-03-20', { id: 't-later', version: 4 }),
  task('Call back', '2026-03-02', { id: 't-overdue', who_type: 'Contact', who_id: 'c1', who_name: 'Jane Doe' }),
  task('Kick-off notes', '2026-03-03', { id: 't-done', status: 'Completed' }),
  event('Demo', new Date(2026, 2, 13, 14), new Date(2026, 2, 13, 15), { id: 'e-next' }),
]

describe('ActivityTimeline', () => {
  it("loads the record's activities and shows upcoming (overdue first, in red) before past activity", async () => {
    const api = fakeApi((call) => (call.url.pathname === '/api/v1/activities' ? { status: 200, body: { items: ITEMS, total: 4, page: 1, page_size: 200 } } : undefined))
    renderWithApp(<ActivityTimeline record={{ type: 'Opportunity', id: 'o1', name: 'New Website' }} />)

    const items = await screen.findAllByTestId('timeline-item')
    expect(items.map((li) => li.getAttribute('data-activity-id'))).toEqual(['t-overdue', 'e-next', 't-later', 't-done'])
    const list = api.calls.find((c) => c.url.pathname === '/api/v1/activities')!
    expect(Object.fromEntries(list.url.searchParams)).toMatchObject({ what_type: 'Opportunity', what_id: 'o1' })

    const overdue = within(items[0]!)
    expect(overdue.getByText('Mar 2').closest('p')).toHaveClass('slds-text-color_error')
    expect(overdue.getByRole('link', { name: 'Jane Doe' })).toHaveAttribute('href', '/contacts/c1')
    expect(screen.getByRole('button', { name: 'Upcoming & Overdue' })).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'This Month' })).toBeInTheDocument()
    expect(within(items[3]!).getByRole('checkbox')).toBeChecked()
  })

  it('completes a task with its version, and explains a conflict with the dialog', async () => {
    const current = { ...ITEMS[0]!, subject: 'Send invoice (revised)', version: 5 }
    const api = fakeApi((call) => {
      if (call.url.pathname === '/api/v1/activities') return { status: 200, body: { items: ITEMS, total: 4, page: 1, page_size: 200 } }
      if (call.method === 'PUT') return { status: 409, body: { title: 'Conflict', status: 409, current } }
      return undefined
    })
    renderWithApp(<ActivityTimeline record={{ type: 'Opportunity', id: 'o1', name: 'New Website' }} />)
    const user = userEvent.setup({ delay: null })

    await user.click(await screen.findByRole('checkbox', { name: 'Mark Send invoice complete' }))
    const put = api.calls.find((c) => c.method === 'PUT')!
    expect(put.url.pathname).toBe('/api/v1/activities/t-later')
    expect(put.body).toEqual({ status: 'Completed', version: 4 })

    const dialog = await screen.findByRole('dialog', { name: 'This record was changed by someone else' })
    expect(within(dialog).getByText('Send invoice (revised)')).toBeInTheDocument()
    await user.click(within(dialog).getByRole('button', { name: 'Apply my changes' }))
    expect(api.calls.filter((c) => c.method === 'PUT').at(-1)?.body).toEqual({ status: 'Completed', version: 5 })
  }, 20_000)

  it('opens New Task pre-filled with the page record', async () => {
    fakeApi((call) => (call.url.pathname === '/api/v1/activities' ? { status: 200, body: { items: [], total: 0, page: 1, page_size: 200 } } : undefined))
    renderWithApp(
      <ActivityTimeline
        record={{ type: 'Contact', id: 'c1', name: 'Jane Doe' }}
        prefill={{ who: { type: 'Contact', id: 'c1', name: 'Jane Doe' }, what: { type: 'Account', id: 'a1', name: 'Acme' } }}
      />,
    )
    const user = userEvent.setup({ delay: null })
    expect(await screen.findByText(/No next steps\./)).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'New Task' }))
    const dialog = await screen.findByRole('dialog', { name: 'New Task' })
    expect(within(dialog).getByRole('combobox', { name: 'Name' })).toHaveValue('Jane Doe')
    expect(within(dialog).getByRole('combobox', { name: 'Related To' })).toHaveValue('Acme')
  }, 20_000)
})
