import type { FormValues, LookupLabels } from '../../shared/record'
import type { CaseListQuery } from './api'

/** The status filter: '' the open cases (the queue), 'all' every case, or one status. */
export function caseStatusFilter(status: string): Pick<CaseListQuery, 'status' | 'status_ne'> {
  if (status === '') return { status_ne: 'Closed' }
  if (status === 'all') return {}
  return { status }
}

/**
 * The support queue's order is the API's default (priority, High first, then oldest first): the
 * "Priority" ascending sort asks for it by sending no sort.
 */
export function caseSortParam(sort: string | undefined): string | undefined {
  return sort === 'priority' ? undefined : sort
}

/** The New Case form's starting values: status New, priority Medium, the account and contact of the page it was opened on. */
export function newCaseDefaults(account?: { id: string; name: string }, contact?: { id: string; name: string }): { values: FormValues; labels: LookupLabels } {
  const values: FormValues = { status: 'New', priority: 'Medium' }
  const labels: LookupLabels = {}
  if (account) {
    values.account_id = account.id
    labels.account_id = account.name
  }
  if (contact) {
    values.contact_id = contact.id
    labels.contact_id = contact.name
  }
  return { values, labels }
}
