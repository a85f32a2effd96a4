import { useLocation, useNavigate } from 'react-router'
import { formatDate, ListView, safeHref, type ListColumn } from '../../shared/record'
import { accountKeys, accountsApi } from './api'
import { NewAccountModal } from './AccountFormModal'
import { accountHref } from './fields'
import type { AccountListItem } from './types'
import { ImportButton } from '../import/ImportButton'

const COLUMNS: readonly ListColumn<AccountListItem>[] = [
  { key: 'name', label: 'Account Name', sortField: 'name', primary: true, text: (a) => a.name, href: (a) => accountHref(a.id) },
  { key: 'phone', label: 'Phone', sortField: 'phone', text: (a) => a.phone, width: '11rem' },
  {
    key: 'website',
    label: 'Website',
    sortField: 'website',
    text: (a) => a.website,
    render: (a) => {
      const href = a.website ? safeHref(a.website) : undefined
      return href ? (
        <a href={href} target="_blank" rel="noopener noreferrer">
          {a.website}
        </a>
      ) : (
        a.website
      )
    },
  },
  { key: 'type', label: 'Type', sortField: 'type', text: (a) => a.type, width: '8rem' },
  { key: 'owner', label: 'Account Owner', sortField: 'owner', text: (a) => a.owner_name, width: '12rem' },
  { key: 'created_at', label: 'Created Date', sortField: 'created_at', text: (a) => formatDate(a.created_at), width: '10rem' },
]

/** /accounts (list view) and /accounts/new (the same with the New Account modal open). */
export function AccountsListPage() {
  const navigate = useNavigate()
  const { pathname } = useLocation()
  const creating = pathname.replace(/\/$/, '') === '/accounts/new'
  return (
    <>
      <ListView<AccountListItem>
        objectLabel="Accounts"
        icon="standard:account"
        title="All Accounts"
        listViews
        exportPath="/api/v1/accounts/export.csv"
        headerActions={<ImportButton object="accounts" />}
        columns={COLUMNS}
        rowKey={(a) => a.id}
        queryKey={accountKeys.lists}
        fetchPage={(query, signal) => accountsApi.list(query, signal)}
        defaultSort={{ field: 'name', direction: 'asc' }}
        onNew={() => void navigate('/accounts/new')}
      />
      {creating ? <NewAccountModal onClose={() => void navigate('/accounts')} /> : null}
    </>
  )
}
