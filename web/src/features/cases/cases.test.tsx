import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { fakeApi, renderWithApp } from '../activities/testServer'
import { NewCaseModal } from './NewCaseModal'
import { caseSortParam, caseStatusFilter, newCaseDefaults } from './queue'

afterEach(() => vi.unstubAllGlobals())

describe('the support queue', () => {
  it('shows open cases by default, one status, or all', () => {
    expect(caseStatusFilter('')).toEqual({ status_ne: 'Closed' })
    expect(caseStatusFilter('In Progress')).toEqual({ status: 'In Progress' })
    expect(caseStatusFilter('all')).toEqual({})
  })

  it("leaves the queue order (priority, then age) to the API's default sort", () => {
    expect(caseSortParam('priority')).toBeUndefined()
    expect(caseSortParam('-priority')).toBe('-priority')
    expect(caseSortParam('-created_at')).toBe('-created_at')
  })

  it('starts a new case as New, Medium, with the page account and contact', () => {
    expect(newCaseDefaults({ id: 'a1', name: 'Acme' }, { id: 'c1', name: 'Jane' })).toEqual({
      values: { status: 'New', priority: 'Medium', account_id: 'a1', contact_id: 'c1' },
      labels: { account_id: 'Acme', contact_id: 'Jane' },
    })
  })
})

describe('New Case', () => {
  it("searches the account's contacts, clears the contact when the account changes, and posts the case", async () => {
    const api = fakeApi((call) => {
      const path = call.url.pathname
      if (path === '/api/v1/contacts') {
        return { status: 200, body: { items: [{ id: 'c2', name: 'Sam Roe', title: 'CTO', account_id: 'a1', account_name: 'Acme' }], total: 1, page: 1, page_size: 20 } }
      }
      if (path === '/api/v1/accounts') return { status: 200, body: { items: [{ id: 'a2', name: 'Globex', type: null, website: null }], total: 1, page: 1, page_size: 10 } }
      if (path === '/api/v1/cases' && call.method === 'POST') return { status: 201, body: { id: 'k1', case_number: '00001001', subject: 'Site down' } }
      return undefined
    })
    const onCreated = vi.fn()
    renderWithApp(<NewCaseModal account={{ id: 'a1', name: 'Acme' }} onClose={() => {}} onCreated={onCreated} />)
    const user = userEvent.setup({ delay: null })
    const dialog = await screen.findByRole('dialog', { name: 'New Case' })
    expect(within(dialog).getByRole('combobox', { name: 'Status' })).toHaveValue('New')
    expect(within(dialog).getByRole('combobox', { name: 'Account Name' })).toHaveValue('Acme')

    await user.click(within(dialog).getByRole('combobox', { name: 'Contact Name' }))
    await user.click(await within(dialog).findByRole('option', { name: /Sam Roe/ }))
    const contactSearch = api.calls.find((c) => c.url.pathname === '/api/v1/contacts')!
    expect(contactSearch.url.searchParams.get('account_id')).toBe('a1')
    expect(within(dialog).getByRole('combobox', { name: 'Contact Name' })).toHaveValue('Sam Roe')

    // Another account: the contact no longer fits and is cleared.
    const accountControl = within(dialog).getByRole('combobox', { name: 'Account Name' }).parentElement!
    await user.click(within(accountControl).getByRole('button', { name: 'Remove selected option' }))
    expect(within(dialog).getByRole('combobox', { name: 'Account Name' })).toHaveValue('')
    await user.click(within(dialog).getByRole('combobox', { name: 'Account Name' }))
    await user.click(await within(dialog).findByRole('option', { name: /Globex/ }))
    expect(within(dialog).getByRole('combobox', { name: 'Contact Name' })).toHaveValue('')

    await user.type(within(dialog).getByRole('textbox', { name: /Subject/ }), 'Site down')
    await user.click(within(dialog).getByRole('button', { name: 'Save' }))
    const post = api.calls.find((c) => c.method === 'POST')!
    expect(post.body).toEqual({ subject: 'Site down', status: 'New', priority: 'Medium', account_id: 'a2' })
    await vi.waitFor(() => expect(onCreated).toHaveBeenCalled())
  }, 20_000)
})
