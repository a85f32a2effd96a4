import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { MemoryRouter, Route, Routes, useLocation } from 'react-router'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { fakeApi } from '../activities/testServer'
import { PARTIAL_RETRY_MS } from './api'
import { GlobalSearch } from './GlobalSearch'
import type { RecentResponse, SearchResponse } from './types'

afterEach(() => vi.unstubAllGlobals())

const answer: SearchResponse = {
  q: 'acme',
  groups: [
    { type: 'Account', total: 2, items: [
      { id: 'a1', title: 'Acme', subtitle: 'acme.test', url: '/accounts/a1' },
      { id: 'a2', title: 'Acme Studio', subtitle: null, url: '/accounts/a2' },
    ] },
    { type: 'Order', total: 1, items: [{ id: 'o1', title: 'ORD-000001', subtitle: 'Acme · Paid in Full', url: '/orders/o1' }] },
  ],
  partial: false,
  unavailable: [],
}

function Where() {
  const location = useLocation()
  return <output aria-label="location">{location.pathname + location.search}</output>
}

function renderSearch() {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } })
  render(
    <QueryClientProvider client={queryClient}>
      <MemoryRouter>
        <GlobalSearch />
        <Routes>
          <Route path="*" element={<Where />} />
        </Routes>
      </MemoryRouter>
    </QueryClientProvider>,
  )
  return userEvent.setup({ delay: null })
}

const location = () => screen.getByRole('status', { hidden: true, name: 'location' })

describe('global search', () => {
  it('lists the matches grouped by object and moves through them with the arrow keys', async () => {
    const api = fakeApi((call) => (call.url.pathname === '/api/v1/search' ? { status: 200, body: { ...answer, q: call.url.searchParams.get('q') } } : undefined))
    const user = renderSearch()
    const box = screen.getByRole('combobox', { name: 'Search' })

    await user.type(box, 'acme')
    const listbox = screen.getByRole('listbox', { name: 'Search results' })
    expect(await within(listbox).findByRole('option', { name: /Acme Studio/ })).toBeInTheDocument()
    expect(within(listbox).getByRole('group', { name: 'Accounts' })).toBeInTheDocument()
    expect(within(listbox).getByRole('group', { name: 'Orders' })).toBeInTheDocument()
    // Debounced: one request for the whole word, not one per key.
    expect(api.calls.filter((c) => c.url.pathname === '/api/v1/search').map((c) => c.url.searchParams.get('q'))).toEqual(['acme'])
    expect(box).not.toHaveAttribute('aria-activedescendant')

    await user.keyboard('{ArrowDown}')
    const options = within(listbox).getAllByRole('option')
    expect(box).toHaveAttribute('aria-activedescendant', options[0]!.id)
    await user.keyboard('{ArrowDown}{ArrowDown}')
    expect(box).toHaveAttribute('aria-activedescendant', options[2]!.id)
    expect(options[2]).toHaveTextContent('ORD-000001')
    await user.keyboard('{ArrowDown}')
    expect(box).toHaveAttribute('aria-activedescendant', options[0]!.id) // wraps around
    await user.keyboard('{ArrowUp}')
    expect(box).toHaveAttribute('aria-activedescendant', options[2]!.id)
    await user.keyboard('{ArrowUp}')

    await user.keyboard('{Enter}')
    expect(location()).toHaveTextContent('/accounts/a2')
    expect(box).toHaveAttribute('aria-expanded', 'false')
  })

  it('opens the results page on Enter with no active option, and closes on Escape', async () => {
    fakeApi((call) => (call.url.pathname === '/api/v1/search' ? { status: 200, body: answer } : undefined))
    const user = renderSearch()
    const box = screen.getByRole('combobox', { name: 'Search' })

    await user.type(box, 'acme')
    await screen.findByRole('option', { name: /Acme Studio/ })
    await user.keyboard('{Escape}')
    expect(box).toHaveAttribute('aria-expanded', 'false')
    expect(screen.queryByRole('option')).not.toBeInTheDocument()

    await user.keyboard('{Enter}')
    expect(location()).toHaveTextContent('/search?q=acme')
  })

  it('shows recent records when focused and empty, and warns when a service could not answer', async () => {
    const recent: RecentResponse = {
      // Recent records include types search does not list (payments, tasks): they show with their own icons.
      items: [
        { type: 'Case', id: 'k1', title: 'Site down', subtitle: '00001001', url: '/cases/k1', viewed_at: '2026-01-01T10:00:00Z' },
        { type: 'Payment', id: 'p1', title: '500.00 ORD-00000001', subtitle: 'Acme', url: '/orders/o1', viewed_at: '2026-01-01T09:00:00Z' },
        { type: 'Task', id: 't1', title: 'Call Acme', subtitle: null, url: '/activities/t1', viewed_at: '2026-01-01T08:00:00Z' },
      ],
      partial: true,
      unavailable: ['Billing'],
    }
    fakeApi((call) => (call.url.pathname === '/api/v1/search/recent' ? { status: 200, body: recent } : undefined))
    const user = renderSearch()

    await user.click(screen.getByRole('combobox', { name: 'Search' }))
    const listbox = screen.getByRole('listbox', { name: 'Search results' })
    expect(await within(listbox).findByRole('option', { name: /Site down/ })).toBeInTheDocument()
    expect(within(listbox).getByRole('group', { name: 'Recent records' })).toBeInTheDocument()
    expect(within(listbox).getByRole('option', { name: /500\.00 ORD-00000001/ })).toBeInTheDocument()
    expect(within(listbox).getByRole('option', { name: /Call Acme/ })).toBeInTheDocument()
    expect(within(listbox).getByText('Some results may be missing: Billing is unavailable.')).toBeInTheDocument()

    await user.keyboard('{ArrowDown}{Enter}')
    expect(location()).toHaveTextContent('/cases/k1')
  })

  it('asks again while an answer is partial, so the missing service fills in when it is back', async () => {
    let calls = 0
    fakeApi((call) => {
      if (call.url.pathname !== '/api/v1/search') return undefined
      calls++
      const body: SearchResponse = calls === 1 ? { ...answer, groups: [answer.groups[1]!], partial: true, unavailable: ['Sales'] } : answer
      return { status: 200, body }
    })
    const user = renderSearch()

    await user.type(screen.getByRole('combobox', { name: 'Search' }), 'acme')
    const listbox = screen.getByRole('listbox', { name: 'Search results' })
    expect(await within(listbox).findByText('Some results may be missing: Sales is unavailable.')).toBeInTheDocument()
    expect(within(listbox).queryByRole('option', { name: /Acme Studio/ })).not.toBeInTheDocument()

    expect(await within(listbox).findByRole('option', { name: /Acme Studio/ }, { timeout: PARTIAL_RETRY_MS + 2_000 })).toBeInTheDocument()
    expect(within(listbox).queryByText(/Some results may be missing/)).not.toBeInTheDocument()
    expect(calls).toBe(2)
  }, 10_000)
})
