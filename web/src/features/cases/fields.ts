import { formatDateTime, systemSection, type FieldDef, type FieldSection, type LookupOption, type LookupSearchOptions, type PathStep, type ClosedStep } from '../../shared/record'
import { searchAccounts } from '../accounts/api'
import { accountHref } from '../accounts/fields'
import { searchAssignees, type Assignee } from '../activities/api'
import { searchAccountContacts, searchContacts } from '../contacts/api'
import { contactHref } from '../contacts/fields'
import { CASE_PRIORITIES, CASE_STATUSES, type Case } from './types'

/** Contact: the chosen account's contacts; every contact (with its account) before an account is chosen. */
export async function searchCaseContacts(q: string, signal?: AbortSignal, options?: LookupSearchOptions): Promise<LookupOption[]> {
  return options?.parent ? searchAccountContacts(options.parent, q, signal) : searchContacts(q, signal)
}

/** Status path: New → In Progress → Closed. */
export const CASE_PATH_STEPS: readonly PathStep[] = [
  { value: 'New', label: 'New' },
  { value: 'In Progress', label: 'In Progress' },
]
export const CASE_CLOSED_STEP: ClosedStep = { label: 'Closed', values: [{ value: 'Closed', label: 'Closed', outcome: 'won' }] }

export interface CaseSectionOptions {
  /** The signed-in user: Case Owner searches users (left out of the New Case form: the owner is its creator). */
  me?: Assignee
  /** Fields of the New Case form only (no case number, owner, dates or system fields). */
  create?: boolean
}

/** The case's fields, once, for the details, the New Case modal and the conflict dialog. */
export function caseSections({ me, create = false }: CaseSectionOptions = {}): FieldSection<Case>[] {
  const account: FieldDef<Case> = {
    name: 'account_id',
    label: 'Account Name',
    type: 'lookup',
    required: true,
    lookup: { objectLabel: 'Accounts', icon: 'standard:account', search: searchAccounts, recordHref: accountHref },
    lookupLabel: (c) => c.account_name ?? undefined,
  }
  const contact: FieldDef<Case> = {
    name: 'contact_id',
    label: 'Contact Name',
    type: 'lookup',
    dependsOn: 'account_id',
    help: create ? 'A contact of the account.' : undefined,
    lookup: { objectLabel: 'Contacts', icon: 'standard:contact', search: searchCaseContacts, recordHref: contactHref },
    lookupLabel: (c) => c.contact_name ?? undefined,
  }
  const owner: FieldDef<Case> = me
    ? {
        name: 'owner_id',
        label: 'Case Owner',
        type: 'lookup',
        required: true,
        lookup: { objectLabel: 'People', icon: 'standard:user', search: (q, signal) => searchAssignees(me, q, signal), scope: me.id },
        lookupLabel: (c) => c.owner_name ?? undefined,
      }
    : { name: 'owner_id', label: 'Case Owner', type: 'text', readOnly: true, text: (c) => c.owner_name ?? '', display: (c) => c.owner_name ?? '' }
  const info: FieldDef<Case>[] = create
    ? [
        { name: 'subject', label: 'Subject', type: 'text', required: true, maxLength: 255, wide: true },
        { name: 'status', label: 'Status', type: 'picklist', required: true, options: CASE_STATUSES },
        { name: 'priority', label: 'Priority', type: 'picklist', required: true, options: CASE_PRIORITIES },
        account,
        contact,
        { name: 'description', label: 'Description', type: 'textarea', wide: true, maxLength: 32000 },
      ]
    : [
        { name: 'case_number', label: 'Case Number', type: 'text', readOnly: true },
        owner,
        { name: 'subject', label: 'Subject', type: 'text', required: true, maxLength: 255, wide: true },
        { name: 'status', label: 'Status', type: 'picklist', required: true, options: CASE_STATUSES },
        { name: 'priority', label: 'Priority', type: 'picklist', required: true, options: CASE_PRIORITIES },
        account,
        contact,
        {
          name: 'created_at',
          label: 'Date/Time Opened',
          type: 'text',
          readOnly: true,
          skipInConflicts: true,
          text: (c) => formatDateTime(c.created_at),
          display: (c) => formatDateTime(c.created_at),
        },
        {
          name: 'closed_at',
          label: 'Date/Time Closed',
          type: 'text',
          readOnly: true,
          skipInConflicts: true,
          text: (c) => formatDateTime(c.closed_at),
          display: (c) => formatDateTime(c.closed_at),
        },
        { name: 'description', label: 'Description', type: 'textarea', wide: true, maxLength: 32000 },
      ]
  if (create) return [{ title: 'Case Information', fields: info }]
  return [
    { title: 'Case Information', fields: info },
    systemSection(),
  ]
}
