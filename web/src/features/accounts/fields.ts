import { systemSection, type FieldDef, type FieldSection } from '../../shared/record'
import { searchAccounts } from './api'
import { ACCOUNT_TYPES, type Account } from './types'

export const accountHref = (id: string) => `/accounts/${id}`

/** The account's fields, once, for the details, the new/edit modal and the conflict dialog. */
export function accountSections(selfId?: string): FieldSection<Account>[] {
  const parent: FieldDef<Account> = {
    name: 'parent_account_id',
    label: 'Parent Account',
    type: 'lookup',
    lookup: {
      objectLabel: 'Accounts',
      icon: 'standard:account',
      search: async (q, signal) => (await searchAccounts(q, signal)).filter((o) => o.id !== selfId),
      recordHref: accountHref,
    },
    lookupLabel: (a) => a.parent_account?.name,
  }
  return [
    {
      title: 'Account Information',
      fields: [
        { name: 'name', label: 'Account Name', type: 'text', required: true, maxLength: 255 },
        { name: 'phone', label: 'Phone', type: 'phone', maxLength: 40 },
        { name: 'website', label: 'Website', type: 'url', maxLength: 255 },
        { name: 'type', label: 'Type', type: 'picklist', options: ACCOUNT_TYPES },
        parent,
        {
          name: 'owner_id',
          label: 'Account Owner',
          type: 'text',
          readOnly: true,
          text: (a) => a.owner_name ?? '',
          display: (a) => a.owner_name ?? '',
        },
        { name: 'description', label: 'Description', type: 'textarea', wide: true, maxLength: 32000 },
      ],
    },
    {
      title: 'Address Information',
      fields: [
        { name: 'billing_address', label: 'Billing Address', type: 'textarea', maxLength: 1000 },
        { name: 'shipping_address', label: 'Shipping Address', type: 'textarea', maxLength: 1000 },
      ],
    },
    systemSection(),
  ]
}
