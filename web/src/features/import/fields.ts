/** The lists a CSV file can be imported into, with the fields a column can fill. */
export type ImportObject = 'accounts' | 'contacts' | 'leads'

export interface ImportField {
  /** The snake_case field name the server takes as a header. */
  name: string
  label: string
  /** Other headers that mean this field (the export's titles where they differ from the label). */
  aliases?: readonly string[]
  required?: boolean
}

export interface ImportTarget {
  object: ImportObject
  /** "Accounts" */
  label: string
  /** "account" */
  singular: string
  /** The list's path, linked from the last step. */
  listPath: string
  fields: readonly ImportField[]
}

const FULL_NAME: ImportField = { name: 'name', label: 'Full Name (first and last)', aliases: ['Name'] }

export const IMPORT_TARGETS: Record<ImportObject, ImportTarget> = {
  accounts: {
    object: 'accounts',
    label: 'Accounts',
    singular: 'account',
    listPath: '/accounts',
    fields: [
      { name: 'name', label: 'Account Name', aliases: ['Name', 'Company'], required: true },
      { name: 'phone', label: 'Phone' },
      { name: 'website', label: 'Website' },
      { name: 'type', label: 'Type' },
      { name: 'description', label: 'Description' },
      { name: 'billing_address', label: 'Billing Address' },
      { name: 'shipping_address', label: 'Shipping Address' },
      { name: 'parent_account_id', label: 'Parent Account ID' },
    ],
  },
  contacts: {
    object: 'contacts',
    label: 'Contacts',
    singular: 'contact',
    listPath: '/contacts',
    fields: [
      { name: 'first_name', label: 'First Name' },
      { name: 'last_name', label: 'Last Name', required: true },
      FULL_NAME,
      { name: 'account_name', label: 'Account Name', aliases: ['Account', 'Company'] },
      { name: 'account_id', label: 'Account ID' },
      { name: 'title', label: 'Title' },
      { name: 'email', label: 'Email', aliases: ['E-mail', 'Email Address'] },
      { name: 'phone', label: 'Phone' },
      { name: 'description', label: 'Description' },
      { name: 'reports_to_id', label: 'Reports To ID' },
    ],
  },
  leads: {
    object: 'leads',
    label: 'Leads',
    singular: 'lead',
    listPath: '/leads',
    fields: [
      { name: 'first_name', label: 'First Name' },
      { name: 'last_name', label: 'Last Name', required: true },
      FULL_NAME,
      { name: 'company', label: 'Company', aliases: ['Account Name'], required: true },
      { name: 'title', label: 'Title' },
      { name: 'email', label: 'Email', aliases: ['E-mail', 'Email Address'] },
      { name: 'phone', label: 'Phone' },
      { name: 'website', label: 'Website' },
      { name: 'address', label: 'Address' },
      { name: 'status', label: 'Lead Status', aliases: ['Status'] },
      { name: 'lead_source', label: 'Lead Source', aliases: ['Source'] },
      { name: 'industry', label: 'Industry' },
      { name: 'description', label: 'Description' },
    ],
  },
}
