import { systemSection, type FieldDef, type FieldSection } from '../../shared/record'
import { searchAccounts } from '../accounts/api'
import { accountHref } from '../accounts/fields'
import { searchAccountContacts } from './api'
import type { Contact } from './types'

export const contactHref = (id: string) => `/contacts/${id}`

export interface ContactSectionOptions {
  /** The contact's account: Reports To searches its contacts (no Reports To without one). */
  accountId?: string
  /** The contact itself (left out of Reports To). */
  selfId?: string
  /** Leave out the Account lookup (a related "New" shows the account read-only instead). */
  fixedAccount?: boolean
}

/** The contact's fields, once, for the details, the new/edit modal and the conflict dialog. */
export function contactSections({ accountId, selfId, fixedAccount = false }: ContactSectionOptions = {}): FieldSection<Contact>[] {
  const account: FieldDef<Contact> = {
    name: 'account_id',
    label: 'Account Name',
    type: 'lookup',
    required: true,
    lookup: { objectLabel: 'Accounts', icon: 'standard:account', search: searchAccounts, recordHref: accountHref },
    lookupLabel: (c) => c.account?.name,
  }
  const reportsTo: FieldDef<Contact> | undefined = accountId
    ? {
        name: 'reports_to_id',
        label: 'Reports To',
        type: 'lookup',
        lookup: {
          objectLabel: 'Contacts',
          icon: 'standard:contact',
          search: (q, signal) => searchAccountContacts(accountId, q, signal, selfId),
          recordHref: contactHref,
          scope: accountId,
        },
        lookupLabel: (c) => c.reports_to?.name,
        help: 'A contact of the same account.',
      }
    : undefined
  const info: FieldDef<Contact>[] = [
    { name: 'first_name', label: 'First Name', type: 'text', required: true, maxLength: 100 },
    { name: 'last_name', label: 'Last Name', type: 'text', required: true, maxLength: 100 },
    ...(fixedAccount ? [] : [account]),
    { name: 'title', label: 'Title', type: 'text', maxLength: 128 },
    ...(reportsTo ? [reportsTo] : []),
    { name: 'email', label: 'Email', type: 'email', maxLength: 255 },
    { name: 'phone', label: 'Phone', type: 'phone', maxLength: 40 },
    {
      name: 'owner_id',
      label: 'Contact Owner',
      type: 'text',
      readOnly: true,
      text: (c) => c.owner_name ?? '',
      display: (c) => c.owner_name ?? '',
    },
    { name: 'description', label: 'Description', type: 'textarea', wide: true, maxLength: 32000 },
  ]
  return [
    { title: 'Contact Information', fields: info },
    systemSection(),
  ]
}
