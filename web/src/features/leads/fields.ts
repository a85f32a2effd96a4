import { systemSection, type ClosedStep, type FieldSection, type PathStep } from '../../shared/record'
import { INDUSTRIES, LEAD_SOURCES, OPEN_LEAD_STATUSES, type Lead } from './types'

export const leadHref = (id: string) => `/leads/${id}`

/** The lead's fields, once, for the details, the New Lead modal and the conflict dialog. */
export function leadSections(): FieldSection<Lead>[] {
  return [
    {
      title: 'Lead Information',
      fields: [
        { name: 'first_name', label: 'First Name', type: 'text', maxLength: 100 },
        { name: 'last_name', label: 'Last Name', type: 'text', required: true, maxLength: 100 },
        { name: 'company', label: 'Company', type: 'text', required: true, maxLength: 255 },
        { name: 'title', label: 'Title', type: 'text', maxLength: 128 },
        { name: 'status', label: 'Lead Status', type: 'picklist', required: true, options: OPEN_LEAD_STATUSES },
        { name: 'lead_source', label: 'Lead Source', type: 'picklist', options: LEAD_SOURCES },
        { name: 'email', label: 'Email', type: 'email', maxLength: 255 },
        { name: 'phone', label: 'Phone', type: 'phone', maxLength: 40 },
        { name: 'website', label: 'Website', type: 'url', maxLength: 255 },
        { name: 'industry', label: 'Industry', type: 'picklist', options: INDUSTRIES },
        {
          name: 'owner_id',
          label: 'Lead Owner',
          type: 'text',
          readOnly: true,
          text: (l) => l.owner_name ?? '',
          display: (l) => l.owner_name ?? '',
        },
      ],
    },
    {
      title: 'Address Information',
      fields: [{ name: 'address', label: 'Address', type: 'textarea', wide: true, maxLength: 1000 }],
    },
    {
      title: 'Additional Information',
      fields: [{ name: 'description', label: 'Description', type: 'textarea', wide: true, maxLength: 32000 }],
    },
    systemSection(),
  ]
}

export const LEAD_PATH_STEPS: readonly PathStep[] = [
  { value: 'New', label: 'New' },
  { value: 'Contacted', label: 'Contacted' },
  { value: 'Qualified', label: 'Qualified' },
]
export const LEAD_CLOSED_STEP: ClosedStep = {
  label: 'Converted',
  values: [
    { value: 'Converted', label: 'Converted', outcome: 'won' },
    { value: 'Unqualified', label: 'Unqualified', outcome: 'lost' },
  ],
}

/** Lightning prefills the opportunity name with the company and a dash. */
export const defaultOpportunityName = (lead: Pick<Lead, 'company'>) => `${lead.company}-`
