import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { useState, type ReactNode } from 'react'
import { MemoryRouter } from 'react-router'
import { describe, expect, it, vi } from 'vitest'
import { ApiError } from '../api'
import type { FieldSection, VersionedChanges } from './fields'
import { RecordDetails } from './RecordDetails'
import { RecordFormModal } from './RecordFormModal'

interface Thing {
  id: string
  name: string
  phone: string | null
  website: string | null
  version: number
}

const SECTIONS: FieldSection<Thing>[] = [
  {
    title: 'Information',
    fields: [
      { name: 'name', label: 'Account Name', type: 'text', required: true },
      { name: 'phone', label: 'Phone', type: 'phone' },
      { name: 'website', label: 'Website', type: 'url' },
    ],
  },
]

function wrap(children: ReactNode) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } })
  return render(
    <QueryClientProvider client={queryClient}>
      <MemoryRouter>{children}</MemoryRouter>
    </QueryClientProvider>,
  )
}

describe('RecordFormModal (create)', () => {
  it('checks required fields on the client, then shows the API 400 errors under the fields', async () => {
    const submit = vi.fn<(body: Record<string, unknown>) => Promise<Thing>>()
    submit.mockRejectedValueOnce(new ApiError(400, { errors: { website: ['Enter a valid website.'] } }))
    wrap(<RecordFormModal<Thing> title="New Account" sections={SECTIONS} onClose={() => {}} mode={{ kind: 'create', submit, onCreated: () => {} }} />)
    const user = userEvent.setup()
    const dialog = screen.getByRole('dialog', { name: 'New Account' })

    await user.click(within(dialog).getByRole('button', { name: 'Save' }))
    expect(within(dialog).getByText('Complete this field.')).toBeInTheDocument()
    expect(submit).not.toHaveBeenCalled()

    await user.type(within(dialog).getByLabelText(/Account Name/), ' Acme ')
    await user.type(within(dialog).getByLabelText('Website'), 'not a url')
    await user.click(within(dialog).getByRole('button', { name: 'Save' }))
    expect(submit).toHaveBeenCalledWith({ name: 'Acme', website: 'not a url' })
    expect(await within(dialog).findByText('Enter a valid website.')).toBeInTheDocument()
  })
})

describe('RecordDetails (inline edit and conflicts)', () => {
  function Harness({ update, initial }: { update: (body: VersionedChanges) => Promise<Thing>; initial: Thing }) {
    const [record, setRecord] = useState(initial)
    return <RecordDetails<Thing> record={record} sections={SECTIONS} update={update} onSaved={setRecord} onReloaded={setRecord} />
  }

  const base: Thing = { id: 't', name: 'Acme', phone: '111', website: null, version: 1 }
  const theirs: Thing = { ...base, phone: '999', website: 'theirs.example', version: 2 }
  const conflict = () => new ApiError(409, { title: 'Conflict', status: 409 }, { title: 'Conflict', status: 409, current: theirs })

  it('sends only changed fields with the version, and resolves a conflict with "Apply my changes"', async () => {
    const update = vi.fn<(body: VersionedChanges) => Promise<Thing>>()
    update.mockRejectedValueOnce(conflict()).mockResolvedValueOnce({ ...theirs, phone: '222', version: 3 })
    wrap(<Harness update={update} initial={base} />)
    const user = userEvent.setup()

    await user.click(screen.getByRole('button', { name: 'Edit Phone' }))
    const phone = screen.getByLabelText('Phone')
    expect(phone).toHaveFocus()
    await user.clear(phone)
    await user.type(phone, '222')
    await user.click(screen.getByRole('button', { name: 'Save' }))
    expect(update).toHaveBeenNthCalledWith(1, { phone: '222', version: 1 })

    const dialog = await screen.findByRole('dialog', { name: 'This record was changed by someone else' })
    const rows = within(dialog).getAllByRole('row')
    expect(rows.map((r) => r.textContent)).toEqual([
      'FieldTheir valueYour value',
      'Changed by both: Phone999222',
      'Websitetheirs.exampleNot changed by you (theirs is kept)',
    ])
    await user.click(within(dialog).getByRole('button', { name: 'Apply my changes' }))
    expect(update).toHaveBeenNthCalledWith(2, { phone: '222', version: 2 })
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument()
    expect(screen.getByText('222')).toBeInTheDocument()
    expect(screen.getByText('theirs.example')).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: 'Save' })).not.toBeInTheDocument()
  })

  it('"Reload" discards my changes and shows theirs', async () => {
    const update = vi.fn<(body: VersionedChanges) => Promise<Thing>>().mockRejectedValueOnce(conflict())
    wrap(<Harness update={update} initial={base} />)
    const user = userEvent.setup()

    await user.click(screen.getByRole('button', { name: 'Edit Phone' }))
    await user.clear(screen.getByLabelText('Phone'))
    await user.type(screen.getByLabelText('Phone'), '222')
    await user.click(screen.getByRole('button', { name: 'Save' }))
    const dialog = await screen.findByRole('dialog', { name: 'This record was changed by someone else' })
    await user.click(within(dialog).getByRole('button', { name: 'Reload' }))

    expect(update).toHaveBeenCalledTimes(1)
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument()
    expect(screen.getByText('999')).toBeInTheDocument()
    expect(screen.queryByLabelText('Phone')).not.toBeInTheDocument()
  })

  it('shows per-field 400 errors and stays in edit mode', async () => {
    const update = vi.fn<(body: VersionedChanges) => Promise<Thing>>()
    update.mockRejectedValueOnce(new ApiError(400, { errors: { website: ['Enter a valid website.'] } }))
    wrap(<Harness update={update} initial={base} />)
    const user = userEvent.setup()

    await user.click(screen.getByRole('button', { name: 'Edit Website' }))
    await user.type(screen.getByLabelText('Website'), 'bad url')
    await user.click(screen.getByRole('button', { name: 'Save' }))
    expect(await screen.findByText('Enter a valid website.')).toBeInTheDocument()
    expect(screen.getByLabelText('Website')).toHaveValue('bad url')
  })
})
