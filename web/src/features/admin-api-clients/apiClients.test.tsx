import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { ApiClient } from '../../shared/api/types'
import { fakeApi, renderWithApp } from '../activities/testServer'
import { curlExample } from './api'
import { ApiClientsPage } from './ApiClientsPage'

afterEach(() => vi.unstubAllGlobals())

const LIST = '/api/v1/admin/api-clients'
const SECRET = 's3cr3t-Zm9vYmFyYmF6cXV4'

function apiClient(overrides: Partial<ApiClient> = {}): ApiClient {
  return {
    id: 'c1',
    client_id: 'crm_0a1b2c3d4e5f',
    name: 'Website form',
    role: 'User',
    is_active: true,
    version: 3,
    created_at: '2026-03-02T09:30:00Z',
    created_by: 'u-admin',
    updated_at: '2026-03-02T09:30:00Z',
    updated_by: 'u-admin',
    ...overrides,
  }
}

/** The list the fake API answers, changed by the test as the server would be. */
function listOf(rows: ApiClient[]) {
  return { status: 200, body: { items: rows, total: rows.length, page: 1, page_size: 50 } }
}

function headersOf(fetchMock: ReturnType<typeof fakeApi>['fetchMock'], method: string, path: string): Record<string, string> {
  const call = fetchMock.mock.calls.find(([input, init]) => init?.method === method && new URL(String(input), 'http://localhost').pathname === path)
  return (call?.[1]?.headers ?? {}) as Record<string, string>
}

async function openRowActions(user: ReturnType<typeof userEvent.setup>, name: string) {
  await user.click(await screen.findByRole('button', { name: `Show actions for ${name}` }))
}

describe('API Clients page', () => {
  it('lists the clients with the help text, the client id in monospace and the row actions', async () => {
    fakeApi((call) => (call.url.pathname === LIST ? listOf([apiClient(), apiClient({ id: 'c2', name: 'Old export', is_active: false })]) : undefined))
    renderWithApp(<ApiClientsPage />)
    const user = userEvent.setup({ delay: null })

    expect(screen.getByRole('note')).toHaveTextContent(/An API client lets another system/)
    const table = await screen.findByRole('table', { name: 'API Clients' })
    const row = (await within(table).findByRole('rowheader', { name: 'Website form' })).closest('tr')!
    expect(within(row).getByText('crm_0a1b2c3d4e5f')).toHaveClass('crm-mono')
    expect(within(row).getByText('Yes')).toBeInTheDocument()
    expect(within(table).getByRole('rowheader', { name: 'Old export' }).closest('tr')).toHaveClass('crm-row_inactive')

    await openRowActions(user, 'Website form')
    expect(screen.getAllByRole('menuitem').map((m) => m.textContent)).toEqual(['Edit', 'Rotate Secret', 'Deactivate'])
    await user.keyboard('{Escape}')
    await openRowActions(user, 'Old export')
    expect(screen.getByRole('menuitem', { name: 'Activate' })).toBeInTheDocument()
  }, 20_000)

  it('creates a client and shows its secret once, with a Copy button, the client id, the token URL and a curl example', async () => {
    const rows: ApiClient[] = []
    const created = apiClient({ id: 'c9', client_id: 'crm_9f8e7d6c', name: 'Zapier sync', role: 'User', version: 1 })
    const api = fakeApi((call) => {
      if (call.url.pathname !== LIST) return undefined
      if (call.method === 'POST') {
        rows.push(created)
        return { status: 201, body: { ...created, client_secret: SECRET } }
      }
      return listOf(rows)
    })
    renderWithApp(<ApiClientsPage />)
    const user = userEvent.setup({ delay: null })
    await screen.findByText('No API clients yet')

    await user.click(screen.getByRole('button', { name: 'New' }))
    const dialog = await screen.findByRole('dialog', { name: 'New API Client' })
    // Name is required: nothing is sent without it.
    await user.click(within(dialog).getByRole('button', { name: 'Save' }))
    expect(within(dialog).getByRole('textbox', { name: /Name/ })).toHaveAccessibleDescription('Complete this field.')
    expect(api.calls.some((c) => c.method === 'POST')).toBe(false)

    await user.type(within(dialog).getByRole('textbox', { name: /Name/ }), '  Zapier sync ')
    await user.selectOptions(within(dialog).getByRole('combobox', { name: /Role/ }), 'User')
    await user.click(within(dialog).getByRole('button', { name: 'Save' }))

    const shown = await screen.findByRole('dialog', { name: 'API Client Created' })
    const post = api.calls.find((c) => c.method === 'POST')!
    expect(post.body).toEqual({ name: 'Zapier sync', role: 'User' })
    expect(headersOf(api.fetchMock, 'POST', LIST)['Idempotency-Key']).toMatch(/^[0-9a-f-]{36}$/)

    expect(within(shown).getByText(/Copy this secret now\. For security, it won't be shown again\./)).toBeInTheDocument()
    expect(within(shown).getByRole('textbox', { name: 'Client Secret' })).toHaveValue(SECRET)
    expect(within(shown).getByRole('textbox', { name: 'Client Secret' })).toHaveAttribute('readonly')
    expect(within(shown).getByRole('textbox', { name: 'Client ID' })).toHaveValue('crm_9f8e7d6c')
    expect(within(shown).getByRole('textbox', { name: 'Token URL' })).toHaveValue(`${window.location.origin}/connect/token`)
    expect(within(shown).getByRole('textbox', { name: 'Example' })).toHaveValue(curlExample(window.location.origin, 'crm_9f8e7d6c'))
    // The example names the secret by a variable, never by its value.
    expect(curlExample(window.location.origin, 'crm_9f8e7d6c')).not.toContain(SECRET)

    await user.click(within(shown).getByRole('button', { name: 'Copy Client Secret' }))
    expect(await navigator.clipboard.readText()).toBe(SECRET)
    expect(within(shown).getByRole('button', { name: 'Copied Client Secret' })).toBeInTheDocument()

    await user.click(within(shown).getByRole('button', { name: 'Done' }))
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument())
    expect(await screen.findByRole('rowheader', { name: 'Zapier sync' })).toBeInTheDocument()
    // Once: the list (and anything else on the page) never shows it again.
    expect(screen.queryByDisplayValue(SECRET)).not.toBeInTheDocument()
    expect(document.body).not.toHaveTextContent(SECRET)
    await openRowActions(user, 'Zapier sync')
    await user.click(screen.getByRole('menuitem', { name: 'Edit' }))
    const edit = await screen.findByRole('dialog', { name: 'Edit Zapier sync' })
    expect(edit).not.toHaveTextContent(SECRET)
    expect(screen.queryByDisplayValue(SECRET)).not.toBeInTheDocument()
  }, 20_000)

  it('shows the 400 field errors under their fields', async () => {
    fakeApi((call) => {
      if (call.url.pathname !== LIST) return undefined
      if (call.method === 'POST') {
        return {
          status: 400,
          body: {
            title: 'One or more validation errors occurred.',
            status: 400,
            errors: { Name: ['An API client with this name exists already.'], role: ['Role must be Admin or User.'] },
          },
        }
      }
      return listOf([])
    })
    renderWithApp(<ApiClientsPage />)
    const user = userEvent.setup({ delay: null })
    await user.click(await screen.findByRole('button', { name: 'New' }))
    const dialog = await screen.findByRole('dialog', { name: 'New API Client' })
    await user.type(within(dialog).getByRole('textbox', { name: /Name/ }), 'Zapier sync')
    await user.click(within(dialog).getByRole('button', { name: 'Save' }))

    await waitFor(() =>
      expect(within(dialog).getByRole('textbox', { name: /Name/ })).toHaveAccessibleDescription('An API client with this name exists already.'),
    )
    expect(within(dialog).getByRole('combobox', { name: /Role/ })).toHaveAccessibleDescription('Role must be Admin or User.')
    // Both belong to a field: no banner, and the modal stays open with what was typed.
    expect(within(dialog).queryByRole('alert')).not.toBeInTheDocument()
    expect(within(dialog).getByRole('textbox', { name: /Name/ })).toHaveValue('Zapier sync')
    expect(screen.queryByRole('dialog', { name: 'API Client Created' })).not.toBeInTheDocument()
  }, 20_000)

  it('asks before rotating the secret, then shows the new secret once', async () => {
    const client = apiClient()
    const api = fakeApi((call) => {
      if (call.method === 'POST' && call.url.pathname === `${LIST}/c1/rotate-secret`) {
        return { status: 200, body: { ...client, version: 4, client_secret: 'n3w-s3cr3t' } }
      }
      return call.url.pathname === LIST ? listOf([client]) : undefined
    })
    renderWithApp(<ApiClientsPage />)
    const user = userEvent.setup({ delay: null })
    const rotations = () => api.calls.filter((c) => c.url.pathname.endsWith('/rotate-secret'))

    // Cancel: nothing happens.
    await openRowActions(user, 'Website form')
    await user.click(screen.getByRole('menuitem', { name: 'Rotate Secret' }))
    let confirm = await screen.findByRole('dialog', { name: 'Rotate Secret' })
    expect(confirm).toHaveTextContent('Rotate the secret? Integrations using the current secret stop working at once.')
    await user.click(within(confirm).getByRole('button', { name: 'Cancel' }))
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument())
    expect(rotations()).toHaveLength(0)

    // Confirm: one POST (with its Idempotency-Key), then the new secret.
    await openRowActions(user, 'Website form')
    await user.click(screen.getByRole('menuitem', { name: 'Rotate Secret' }))
    confirm = await screen.findByRole('dialog', { name: 'Rotate Secret' })
    expect(rotations()).toHaveLength(0)
    await user.click(within(confirm).getByRole('button', { name: 'Rotate Secret' }))

    const shown = await screen.findByRole('dialog', { name: 'New Client Secret' })
    expect(rotations()).toHaveLength(1)
    expect(headersOf(api.fetchMock, 'POST', `${LIST}/c1/rotate-secret`)['Idempotency-Key']).toBeTruthy()
    expect(within(shown).getByRole('textbox', { name: 'Client Secret' })).toHaveValue('n3w-s3cr3t')
    expect(within(shown).getByText(/it won't be shown again/)).toBeInTheDocument()
    await user.click(within(shown).getByRole('button', { name: 'Done' }))
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument())
    expect(document.body).not.toHaveTextContent('n3w-s3cr3t')
  }, 20_000)

  it('edits with the version it read; a 409 says someone else changed it and Reload shows theirs', async () => {
    const client = apiClient()
    const theirs = apiClient({ name: 'Website form (prod)', role: 'Admin', version: 4 })
    const api = fakeApi((call) => {
      if (call.method === 'PUT' && call.url.pathname === `${LIST}/c1`) {
        const body = call.body as { version: number }
        return body.version === 4
          ? { status: 200, body: { ...theirs, ...(call.body as object), version: 5 } }
          : { status: 409, body: { title: 'Conflict', status: 409, detail: 'The record was changed by someone else since you read it.', current: theirs } }
      }
      return call.url.pathname === LIST ? listOf([client]) : undefined
    })
    renderWithApp(<ApiClientsPage />)
    const user = userEvent.setup({ delay: null })
    await openRowActions(user, 'Website form')
    await user.click(screen.getByRole('menuitem', { name: 'Edit' }))
    const dialog = await screen.findByRole('dialog', { name: 'Edit Website form' })
    expect(within(dialog).getByText('crm_0a1b2c3d4e5f')).toBeInTheDocument()
    await user.click(within(dialog).getByRole('checkbox', { name: 'Active' }))
    await user.click(within(dialog).getByRole('button', { name: 'Save' }))

    expect(await within(dialog).findByRole('alert')).toHaveTextContent('Someone else changed this API client')
    expect(api.calls.find((c) => c.method === 'PUT')?.body).toEqual({ name: 'Website form', role: 'User', is_active: false, version: 3 })
    expect(within(dialog).getByRole('button', { name: 'Save' })).toBeDisabled()

    await user.click(within(dialog).getByRole('button', { name: 'Reload' }))
    await waitFor(() => expect(within(dialog).getByRole('textbox', { name: /Name/ })).toHaveValue('Website form (prod)'))
    expect(within(dialog).getByRole('combobox', { name: /Role/ })).toHaveValue('Admin')
    await user.click(within(dialog).getByRole('button', { name: 'Save' }))
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument())
    expect(api.calls.filter((c) => c.method === 'PUT').at(-1)?.body).toEqual({ name: 'Website form (prod)', role: 'Admin', is_active: true, version: 4 })
    expect(await screen.findByText('API client "Website form (prod)" was saved.')).toBeInTheDocument()
  }, 20_000)

  it('deactivates after asking, with the version of the row', async () => {
    const client = apiClient()
    const api = fakeApi((call) => {
      if (call.method === 'PUT') return { status: 200, body: { ...client, is_active: false, version: 4 } }
      return call.url.pathname === LIST ? listOf([client]) : undefined
    })
    renderWithApp(<ApiClientsPage />)
    const user = userEvent.setup({ delay: null })
    await openRowActions(user, 'Website form')
    await user.click(screen.getByRole('menuitem', { name: 'Deactivate' }))
    const confirm = await screen.findByRole('dialog', { name: 'Deactivate API Client' })
    expect(api.calls.some((c) => c.method === 'PUT')).toBe(false)
    await user.click(within(confirm).getByRole('button', { name: 'Deactivate' }))
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument())
    expect(api.calls.find((c) => c.method === 'PUT')?.body).toEqual({ name: 'Website form', role: 'User', is_active: false, version: 3 })
    expect(await screen.findByText('API client "Website form" was deactivated.')).toBeInTheDocument()
  }, 20_000)
})
