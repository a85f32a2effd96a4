import { Link } from 'react-router'
import { createElement } from 'react'
import { systemSection, formatMoney, type ClosedStep, type FieldSection, type PathStep } from '../../shared/record'
import { accountHref } from '../accounts/fields'
import { LEAD_SOURCES } from '../leads/types'
import { STAGES, type Opportunity } from './types'

/** The opportunity's fields, once, for the details, the New Opportunity modal and the conflict dialog. */
export function opportunitySections(): FieldSection<Opportunity>[] {
  return [
    {
      title: 'Opportunity Information',
      fields: [
        { name: 'name', label: 'Opportunity Name', type: 'text', required: true, maxLength: 255 },
        {
          name: 'account_id',
          label: 'Account Name',
          type: 'text',
          readOnly: true,
          text: (o) => o.account?.name ?? '',
          display: (o) => createElement(Link, { to: accountHref(o.account_id) }, o.account?.name),
        },
        { name: 'close_date', label: 'Close Date', type: 'date', required: true },
        { name: 'stage', label: 'Stage', type: 'picklist', required: true, options: STAGES },
        {
          name: 'calculated_amount',
          label: 'Amount',
          type: 'text',
          readOnly: true,
          help: 'The sum of the products.',
          text: (o) => formatMoney(o.calculated_amount),
          display: (o) => formatMoney(o.calculated_amount),
        },
        {
          name: 'probability',
          label: 'Probability (%)',
          type: 'text',
          readOnly: true,
          text: (o) => `${o.probability}%`,
          display: (o) => `${o.probability}%`,
        },
        { name: 'next_step', label: 'Next Step', type: 'text', maxLength: 255 },
        { name: 'lead_source', label: 'Lead Source', type: 'picklist', options: LEAD_SOURCES },
        {
          name: 'owner_id',
          label: 'Opportunity Owner',
          type: 'text',
          readOnly: true,
          text: (o) => o.owner_name ?? '',
          display: (o) => o.owner_name ?? '',
        },
        { name: 'description', label: 'Description', type: 'textarea', wide: true, maxLength: 32000 },
      ],
    },
    systemSection(),
  ]
}

export const STAGE_PATH_STEPS: readonly PathStep[] = [
  { value: 'Qualifying', label: 'Qualifying' },
  { value: 'Proposal', label: 'Proposal' },
  { value: 'Negotiation', label: 'Negotiation' },
]
export const STAGE_CLOSED_STEP: ClosedStep = {
  label: 'Closed',
  values: [
    { value: 'Closed Won', label: 'Closed Won', outcome: 'won' },
    { value: 'Closed Lost', label: 'Closed Lost', outcome: 'lost' },
  ],
}
