import { useState } from 'react'
import { Link, useLocation, useNavigate } from 'react-router'
import { formatDateTime, ListView, type ListColumn, useUrlFilter } from '../../shared/record'
import { SelectField } from '../../shared/ui'
import { AccountFilter } from '../accounts/AccountFilter'
import { accountHref } from '../accounts/fields'
import { ContactFilter } from '../contacts/ContactFilter'
import { contactHref } from '../contacts/fields'
import { caseHref, caseKeys, casesApi } from './api'
import { caseSortParam, caseStatusFilter } from './queue'
import { NewCaseModal } from './NewCaseModal'
import { PriorityText } from './PriorityText'
import { CASE_PRIORITIES, CASE_STATUSES, type CaseListItem } from './types'

const COLUMNS: readonly ListColumn<CaseListItem>[] = [
  { key: 'case_number', label: 'Case Number', sortField: 'case_number', primary: true, text: (c) => c.case_number, href: (c) => caseHref(c.id), width: '9rem' },
  { key: 'subject', label: 'Subject', sortField: 'subject', text: (c) => c.subject, href: (c) => caseHref(c.id) },
  {
    key: 'account',
    label: 'Account Name',
    text: (c) => c.account_name,
    render: (c) => <Link to={accountHref(c.account_id)}>{c.account_name}</Link>,
  },
  {
    key: 'contact',
    label: 'Contact Name',
    text: (c) => c.contact_name,
    render: (c) => (c.contact_id ? <Link to={contactHref(c.contact_id)}>{c.contact_name}</Link> : null),
  },
  { key: 'status', label: 'Status', sortField: 'status', text: (c) => c.status, width: '8rem' },
  { key: 'priority', label: 'Priority', sortField: 'priority', text: (c) => c.priority, render: (c) => <PriorityText priority={c.priority} />, width: '7rem' },
  { key: 'owner', label: 'Case Owner', text: (c) => c.owner_name, width: '10rem' },
  { key: 'created_at', label: 'Date/Time Opened', sortField: 'created_at', text: (c) => formatDateTime(c.created_at), width: '11rem' },
]

/** /cases (the support queue) and /cases/new (the same with the New Case modal open). */
export function CasesListPage() {
  const navigate = useNavigate()
  const { pathname } = useLocation()
  const creating = pathname.replace(/\/$/, '') === '/cases/new'
  // In the URL, so an account's or contact's "View All" opens the list filtered to it.
  const [status, setStatus] = useUrlFilter('status')
  const [accountId, setAccountId] = useUrlFilter('account_id')
  const [contactId, setContactId] = useUrlFilter('contact_id')
  const [priority, setPriority] = useState('')
  const [owner, setOwner] = useState('')
  const title = `${owner === 'me' ? 'My' : 'All'} ${status === '' ? 'Open Cases' : status === 'all' ? 'Cases' : `${status} Cases`}`
  return (
    <>
      <ListView<CaseListItem>
        objectLabel="Cases"
        icon="standard:case"
        title={title}
        listViews
        exportPath="/api/v1/cases/export.csv"
        columns={COLUMNS}
        rowKey={(c) => c.id}
        queryKey={caseKeys.lists}
        fetchPage={(query, signal) => casesApi.list({ ...query, sort: caseSortParam(query.sort) }, signal)}
        defaultSort={{ field: 'priority', direction: 'asc' }}
        searchPlaceholder="Search by subject or case number..."
        filters={{ ...caseStatusFilter(status), priority: priority || undefined, owner: owner || undefined, account_id: accountId || undefined, contact_id: contactId || undefined }}
        filterControls={
          <>
            <AccountFilter accountId={accountId} onChange={setAccountId} />
            {contactId ? <ContactFilter contactId={contactId} onChange={setContactId} /> : null}
            <SelectField
              label="Status"
              className="crm-filter"
              value={status}
              onChange={setStatus}
              options={[{ value: '', label: 'All open' }, ...CASE_STATUSES.map((s) => ({ value: s, label: s })), { value: 'all', label: 'All statuses' }]}
            />
            <SelectField
              label="Priority"
              className="crm-filter"
              value={priority}
              onChange={setPriority}
              placeholder="All priorities"
              options={CASE_PRIORITIES.map((p) => ({ value: p, label: p }))}
            />
            <SelectField
              label="Case Owner"
              className="crm-filter"
              value={owner}
              onChange={setOwner}
              options={[
                { value: '', label: 'All cases' },
                { value: 'me', label: 'My cases' },
              ]}
            />
          </>
        }
        onNew={() => void navigate('/cases/new')}
      />
      {creating ? (
        <NewCaseModal
          onClose={() => void navigate('/cases')}
          onCreated={(created) => void navigate(caseHref(created.id))}
        />
      ) : null}
    </>
  )
}
