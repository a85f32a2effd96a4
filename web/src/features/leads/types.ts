// Lead types: the Sales service's OpenAPI schemas (web/openapi/sales.json → generated/sales.ts).
import type { components } from '../../shared/api/generated/sales'
import type { Wire, WireBody } from '../../shared/api/wire'

type Schemas = components['schemas']

export type LeadStatus = Schemas['LeadStatus']
export const LEAD_STATUSES = ['New', 'Contacted', 'Qualified', 'Unqualified', 'Converted'] as const satisfies readonly LeadStatus[]
/** What a person can pick (Converted only comes from converting). */
export const OPEN_LEAD_STATUSES = ['New', 'Contacted', 'Qualified', 'Unqualified'] as const satisfies readonly LeadStatus[]

export const LEAD_SOURCES = ['Web', 'Phone Inquiry', 'Partner Referral', 'Purchased List', 'Trade Show', 'Word of mouth', 'Advertisement', 'Other'] as const

export const INDUSTRIES = [
  'Agriculture', 'Apparel', 'Banking', 'Construction', 'Consulting', 'Education', 'Energy', 'Entertainment', 'Finance',
  'Food & Beverage', 'Healthcare', 'Hospitality', 'Manufacturing', 'Media', 'Nonprofit', 'Real Estate', 'Retail',
  'Technology', 'Telecommunications', 'Transportation', 'Other',
] as const

/** A row of GET /leads. */
export type LeadListItem = Wire<Schemas['LeadListItem']>
/** GET /leads/{id}, and the answer of POST and PUT. */
export type Lead = Wire<Schemas['LeadResponse']>

export type CreateLeadRequest = WireBody<Schemas['CreateLeadRequest']> & { last_name: string; company: string; status: LeadStatus }
export type UpdateLeadRequest = WireBody<Schemas['UpdateLeadRequest']> & { version: number }

/** POST /leads/{id}/convert */
export type ConvertLeadRequest = WireBody<Schemas['ConvertLeadRequest']> & { opportunity_name: string }
export type ConvertLeadResponse = Wire<Schemas['ConvertLeadResponse']>
export type RecordRef = ConvertLeadResponse['account']
