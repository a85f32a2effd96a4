import { useState } from 'react'
import { NoAccessPage } from '../../app/pages'
import { isApiError } from '../../shared/api'
import type { User } from '../../shared/api/types'
import { DataTable, formatSort, Icon, Illustration, nextSort, PageHeader, Pager, useDebounced, type Column, type SortState } from '../../shared/ui'
import { useUsers } from './api'
import { formatDateTime, fullName } from './format'
import { ResetTwoFactorDialog } from './ResetTwoFactorDialog'
import { EditUserModal, NewUserModal } from './UserFormModals'

const PAGE_SIZE = 50

const COLUMNS: readonly Column<User>[] = [
  { key: 'name', label: 'Name', sortField: 'name', primary: true, render: (u) => fullName(u), title: (u) => fullName(u) },
  { key: 'email', label: 'Email', sortField: 'email', render: (u) => u.email, title: (u) => u.email },
  { key: 'role', label: 'Role', sortField: 'role', render: (u) => u.role, width: '8rem' },
  {
    key: 'is_active',
    label: 'Active',
    width: '6rem',
    render: (u) =>
      u.is_active ? (
        <Icon icon="utility:check" size="x-small" variant="default" title="Active" assistiveText="Yes" />
      ) : (
        <span className="slds-assistive-text">No</span>
      ),
  },
  {
    key: 'updated_at',
    label: 'Last Modified',
    sortField: 'updated_at',
    width: '12rem',
    render: (u) => formatDateTime(u.updated_at),
  },
]

const SORT_LABELS: Record<string, string> = { name: 'Name', email: 'Email', role: 'Role', updated_at: 'Last Modified' }

/** Users list view (admin only), styled like a Lightning list view. */
export function UsersPage() {
  const [search, setSearch] = useState('')
  const q = useDebounced(search.trim(), 300)
  const [sort, setSort] = useState<SortState>({ field: 'name', direction: 'asc' })
  const [page, setPage] = useState(1)
  const [creating, setCreating] = useState(false)
  const [editing, setEditing] = useState<User>()
  const [resetting, setResetting] = useState<User>()

  // A new search starts from the first page.
  const [lastQ, setLastQ] = useState(q)
  if (q !== lastQ) {
    setLastQ(q)
    setPage(1)
  }

  const users = useUsers({ q: q || undefined, sort: formatSort(sort), page, page_size: PAGE_SIZE })

  if (isApiError(users.error) && users.error.status === 403) return <NoAccessPage />

  const data = users.data
  const total = data?.total ?? 0
  const pageCount = Math.max(1, Math.ceil(total / (data?.page_size || PAGE_SIZE)))
  const meta = data
    ? `${total} ${total === 1 ? 'item' : 'items'} • Sorted by ${SORT_LABELS[sort.field] ?? sort.field}${q ? ` • Filtered by "${q}"` : ''}`
    : users.isPending
      ? 'Loading…'
      : undefined

  return (
    <div className="crm-page crm-list-view">
      <PageHeader
        icon="standard:user"
        label="Users"
        title="All Users"
        actions={
          <button type="button" className="slds-button slds-button_neutral" onClick={() => setCreating(true)}>
            New
          </button>
        }
        meta={meta}
        controls={
          <div className="slds-page-header__control">
            <div className="slds-form-element">
              <div className="slds-form-element__control slds-input-has-icon slds-input-has-icon_left">
                <Icon icon="utility:search" size="x-small" variant="default" containerClassName="slds-input__icon slds-input__icon_left" />
                <input
                  type="search"
                  className="slds-input crm-list-search"
                  placeholder="Search this list..."
                  aria-label="Search this list"
                  value={search}
                  onChange={(e) => setSearch(e.target.value)}
                />
              </div>
            </div>
          </div>
        }
      />
      <div className="crm-list-view__body">
        {users.isError && !data ? (
          <div className="slds-p-around_large">
            <Illustration
              name="page-not-available"
              size="small"
              heading="Users couldn't be loaded"
              message={isApiError(users.error) ? users.error.displayMessage : 'Try again in a moment.'}
            >
              <button type="button" className="slds-button slds-button_neutral" onClick={() => void users.refetch()}>
                Try Again
              </button>
            </Illustration>
          </div>
        ) : (
          <DataTable
            label="Users"
            columns={COLUMNS}
            rows={data?.items ?? []}
            rowKey={(u) => u.id}
            sort={sort}
            onSort={(field) => {
              setSort((s) => nextSort(s, field))
              setPage(1)
            }}
            loading={users.isFetching}
            rowNumberOffset={(page - 1) * PAGE_SIZE}
            rowActions={(u) => [
              { label: 'Edit', onSelect: () => setEditing(u) },
              { label: 'Reset Two-Factor', onSelect: () => setResetting(u) },
            ]}
            rowActionsLabel={(u) => `Show actions for ${fullName(u) || u.email}`}
            empty={
              <Illustration
                name="desert"
                size="small"
                heading={q ? 'No matching users' : 'No users yet'}
                message={q ? `Nothing matches "${q}". Try another search.` : 'Create the first one with New.'}
              />
            }
          />
        )}
        {pageCount > 1 ? <Pager page={page} pageCount={pageCount} onPage={setPage} summary={`Page ${page} of ${pageCount}`} /> : null}
      </div>
      {creating ? <NewUserModal onClose={() => setCreating(false)} /> : null}
      {editing ? <EditUserModal key={editing.id} user={editing} onClose={() => setEditing(undefined)} /> : null}
      {resetting ? <ResetTwoFactorDialog key={resetting.id} user={resetting} onClose={() => setResetting(undefined)} /> : null}
    </div>
  )
}
