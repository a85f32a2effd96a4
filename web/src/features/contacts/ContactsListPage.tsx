import { Link, useLocation, useNavigate } from 'react-router'
import { ListView, type ListColumn } from '../../shared/record'
import { accountHref } from '../accounts/fields'
import { contactKeys, contactsApi } from './api'
import { NewContactModal } from './ContactFormModal'
import { contactHref } from './fields'
import type { ContactListItem } from './types'
import { ImportButton } from '../import/ImportButton'

const COLUMNS: readonly ListColumn<ContactListItem>[] = [
  { key: 'name', label: 'Name', sortField: 'name', primary: true, text: (c) => c.name, href: (c) => contactHref(c.id) },
  {
    key: 'account_name',
    label: 'Account Name',
    sortField: 'account_name',
    text: (c) => c.account_name,
    render: (c) => <Link to={accountHref(c.account_id)}>{c.account_name}</Link>,
  },
  { key: 'title', label: 'Title', sortField: 'title', text: (c) => c.title },
  { key: 'phone', label: 'Phone', sortField: 'phone', text: (c) => c.phone, width: '11rem' },
  {
    key: 'email',
    label: 'Email',
    sortField: 'email',
    text: (c) => c.email,
    render: (c) => (c.email ? <a href={`mailto:${c.email}`}>{c.email}</a> : null),
  },
  { key: 'owner', label: 'Contact Owner', sortField: 'owner', text: (c) => c.owner_name, width: '12rem' },
]

/** /contacts (list view) and /contacts/new (the same with the New Contact modal open). */
export function ContactsListPage() {
  const navigate = useNavigate()
  const { pathname } = useLocation()
  const creating = pathname.replace(/\/$/, '') === '/contacts/new'
  return (
    <>
      <ListView<ContactListItem>
        objectLabel="Contacts"
        icon="standard:contact"
        title="All Contacts"
        listViews
        exportPath="/api/v1/contacts/export.csv"
        headerActions={<ImportButton object="contacts" />}
        columns={COLUMNS}
        rowKey={(c) => c.id}
        queryKey={contactKeys.lists}
        fetchPage={(query, signal) => contactsApi.list(query, signal)}
        defaultSort={{ field: 'name', direction: 'asc' }}
        searchPlaceholder="Search by contact or account name..."
        onNew={() => void navigate('/contacts/new')}
      />
      {creating ? (
        <NewContactModal onClose={() => void navigate('/contacts')} onCreated={(c) => void navigate(contactHref(c.id))} />
      ) : null}
    </>
  )
}
