import { useState } from 'react'
import { Link } from 'react-router'
import { formatDateTime, RelatedList } from '../../shared/record'
import { caseHref, useRelatedCases } from './api'
import { PriorityText } from './PriorityText'
import { NewCaseModal } from './NewCaseModal'
import type { CaseListItem } from './types'

export interface CasesRelatedListProps {
  /** The account page's account, or the contact page's contact with its account. */
  account: { id: string; name: string }
  contact?: { id: string; name: string }
  /** Disables "New Case" (e.g. an inactive record). */
  newDisabledReason?: string
}

/** The "Cases" related list of an account or a contact page, with "New Case" pre-filled from the page. */
export function CasesRelatedList({ account, contact, newDisabledReason }: CasesRelatedListProps) {
  const cases = useRelatedCases(contact ? 'contact' : 'account', contact?.id ?? account.id)
  const [creating, setCreating] = useState(false)
  return (
    <>
      <RelatedList<CaseListItem>
        title="Cases"
        icon="standard:case"
        rows={cases.data?.items ?? []}
        rowKey={(c) => c.id}
        onNew={() => setCreating(true)}
        newDisabledReason={newDisabledReason}
        newLabel="New Case"
        viewAllHref={contact ? `/cases?contact_id=${contact.id}&status=all` : `/cases?account_id=${account.id}&status=all`}
        columns={[
          { key: 'number', label: 'Case Number', render: (c) => <Link to={caseHref(c.id)}>{c.case_number}</Link>, text: (c) => c.case_number },
          { key: 'subject', label: 'Subject', render: (c) => c.subject, text: (c) => c.subject },
          { key: 'priority', label: 'Priority', render: (c) => <PriorityText priority={c.priority} /> },
          { key: 'status', label: 'Status', render: (c) => c.status },
          { key: 'opened', label: 'Date Opened', render: (c) => formatDateTime(c.created_at) },
        ]}
      />
      {creating ? <NewCaseModal account={account} contact={contact} onClose={() => setCreating(false)} onCreated={() => setCreating(false)} /> : null}
    </>
  )
}
