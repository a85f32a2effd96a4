import { useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { NoAccessPage } from '../../app/pages'
import { isApiError } from '../../shared/api'
import type { ApiClient } from '../../shared/api/types'
import { conflictCurrent, formatDate, formatDateTime } from '../../shared/record'
import { DataTable, formatSort, Icon, Illustration, nextSort, PageHeader, Pager, useDebounced, useToast, type Column, type SortState } from '../../shared/ui'
import { apiClientKeys, useApiClients, useUpdateApiClient } from './api'
import { DeactivateDialog, EditApiClientModal, NewApiClientModal, RotateSecretDialog } from './ApiClientModals'

const PAGE_SIZE = 50

const COLUMNS: readonly Column<ApiClient>[] = [
  { key: 'name', label: 'Name', sortField: 'name', primary: true, render: (c) => c.name, title: (c) => c.name },
  {
    key: 'client_id',
    label: 'Client ID',
    render: (c) => <span className="crm-mono">{c.client_id}</span>,
    title: (c) => c.client_id,
  },
  { key: 'role', label: 'Role', sortField: 'role', render: (c) => c.role, width: '8rem' },
  {
    key: 'is_active',
    label: 'Active',
    sortField: 'is_active',
    width: '6rem',
    render: (c) =>
      c.is_active ? (
        <Icon icon="utility:check" size="x-small" variant="default" title="Active" assistiveText="Yes" />
      ) : (
        <span className="slds-assistive-text">No</span>
      ),
  },
  {
    key: 'created_at',
    label: 'Created',
    sortField: 'created_at',
    width: '9rem',
    render: (c) => formatDate(c.created_at),
    title: (c) => formatDateTime(c.created_at),
  },
]

const SORT_LABELS: Record<string, string> = { name: 'Name', role: 'Role', is_active: 'Active', created_at: 'Created' }

type Dialog =
  | { kind: 'new' }
  | { kind: 'edit'; client: ApiClient }
  | { kind: 'rotate'; client: ApiClient }
  | { kind: 'deactivate'; client: ApiClient }
  | undefined

/**
 * Setup → API Clients (admin only), like Salesforce's connected apps: integrations that call the API as themselves
 * with the OAuth client credentials grant. Styled like the Users list view.
 */
export function ApiClientsPage() {
  const [search, setSearch] = useState('')
  const q = useDebounced(search.trim(), 300)
  const [sort, setSort] = useState<SortState>({ field: 'name', direction: 'asc' })
  const [page, setPage] = useState(1)
  const [dialog, setDialog] = useState<Dialog>()
  const close = () => setDialog(undefined)
  const active = useToggleActive()

  // A new search starts from the first page.
  const [lastQ, setLastQ] = useState(q)
  if (q !== lastQ) {
    setLastQ(q)
    setPage(1)
  }

  const clients = useApiClients({ q: q || undefined, sort: formatSort(sort), page, page_size: PAGE_SIZE })

  if (isApiError(clients.error) && clients.error.status === 403) return <NoAccessPage />

  const data = clients.data
  const total = data?.total ?? 0
  const pageCount = Math.max(1, Math.ceil(total / (data?.page_size || PAGE_SIZE)))
  const meta = data
    ? `${total} ${total === 1 ? 'item' : 'items'} • Sorted by ${SORT_LABELS[sort.field] ?? sort.field}${q ? ` • Filtered by "${q}"` : ''}`
    : clients.isPending
      ? 'Loading…'
      : undefined

  return (
    <div className="crm-page crm-list-view">
      <PageHeader
        icon="standard:connected_apps"
        label="API Clients"
        title="All API Clients"
        actions={
          <button type="button" className="slds-button slds-button_neutral" onClick={() => setDialog({ kind: 'new' })}>
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
        <ApiClientsHelp />
        {clients.isError && !data ? (
          <div className="slds-p-around_large">
            <Illustration
              name="page-not-available"
              size="small"
              heading="API clients couldn't be loaded"
              message={isApiError(clients.error) ? clients.error.displayMessage : 'Try again in a moment.'}
            >
              <button type="button" className="slds-button slds-button_neutral" onClick={() => void clients.refetch()}>
                Try Again
              </button>
            </Illustration>
          </div>
        ) : (
          <DataTable
            label="API Clients"
            columns={COLUMNS}
            rows={data?.items ?? []}
            rowKey={(c) => c.id}
            sort={sort}
            onSort={(field) => {
              setSort((s) => nextSort(s, field))
              setPage(1)
            }}
            loading={clients.isFetching}
            rowNumberOffset={(page - 1) * PAGE_SIZE}
            rowClassName={(c) => (c.is_active ? undefined : 'crm-row_inactive')}
            rowActions={(c) => [
              { label: 'Edit', onSelect: () => setDialog({ kind: 'edit', client: c }) },
              { label: 'Rotate Secret', onSelect: () => setDialog({ kind: 'rotate', client: c }) },
              c.is_active
                ? { label: 'Deactivate', onSelect: () => setDialog({ kind: 'deactivate', client: c }) }
                : { label: 'Activate', onSelect: () => void active.toggle(c), disabled: active.pending },
            ]}
            rowActionsLabel={(c) => `Show actions for ${c.name}`}
            empty={
              <Illustration
                name="desert"
                size="small"
                heading={q ? 'No matching API clients' : 'No API clients yet'}
                message={q ? `Nothing matches "${q}". Try another search.` : 'Create one with New for each system that calls the API.'}
              />
            }
          />
        )}
        {pageCount > 1 ? <Pager page={page} pageCount={pageCount} onPage={setPage} summary={`Page ${page} of ${pageCount}`} /> : null}
      </div>
      {dialog?.kind === 'new' ? <NewApiClientModal onClose={close} /> : null}
      {dialog?.kind === 'edit' ? <EditApiClientModal key={dialog.client.id} client={dialog.client} onClose={close} /> : null}
      {dialog?.kind === 'rotate' ? <RotateSecretDialog key={dialog.client.id} client={dialog.client} onClose={close} /> : null}
      {dialog?.kind === 'deactivate' ? (
        <DeactivateDialog
          client={dialog.client}
          busy={active.pending}
          onCancel={close}
          onConfirm={() => void active.toggle(dialog.client).then(close)}
        />
      ) : null}
    </div>
  )
}

/** What an API client is, above the list (Setup pages open with a line like this). */
function ApiClientsHelp() {
  return (
    <div className="slds-scoped-notification slds-media slds-media_center crm-page-help" role="note">
      <div className="slds-media__figure">
        <Icon icon="utility:info" size="small" variant="default" />
      </div>
      <div className="slds-media__body">
        <p>
          An API client lets another system (Zapier, your website, a reporting tool) call the CRM API as itself, without a
          person's login. It gets a Client ID and a secret, exchanges them for an access token at{' '}
          <code className="crm-mono">/connect/token</code> (OAuth 2.0 client credentials) and then acts with the role you
          give it. Deactivate a client to cut its access at once.
        </p>
      </div>
    </div>
  )
}

/**
 * Activate / Deactivate from the row actions: a PUT with the version the row was read at. A 409 means someone else
 * changed the client meanwhile: say so and show the latest list.
 */
function useToggleActive() {
  const toast = useToast()
  const queryClient = useQueryClient()
  const update = useUpdateApiClient()

  async function toggle(client: ApiClient): Promise<void> {
    const is_active = !client.is_active
    const verb = is_active ? 'activated' : 'deactivated'
    try {
      const saved = await update.mutateAsync({
        id: client.id,
        body: { name: client.name, role: client.role, is_active, version: client.version },
      })
      toast.success(`API client "${saved?.name ?? client.name}" was ${verb}.`)
    } catch (e) {
      if (isApiError(e) && e.status === 409) {
        void queryClient.invalidateQueries({ queryKey: apiClientKeys.all })
        const current = conflictCurrent<ApiClient>(e)
        toast.show({
          variant: 'warning',
          title: `"${client.name}" was changed by someone else.`,
          message: current
            ? `It is ${current.is_active ? 'active' : 'inactive'} now. Check it and try again.`
            : 'The list shows the latest version. Check it and try again.',
        })
      } else {
        toast.error(`"${client.name}" couldn't be ${verb}.`, isApiError(e) ? e.displayMessage : undefined)
      }
    }
  }

  return { toggle, pending: update.isPending }
}
