// Opportunity types: the Sales service's OpenAPI schemas (web/openapi/sales.json → generated/sales.ts).
import type { components } from '../../shared/api/generated/sales'
import type { Wire, WireBody } from '../../shared/api/wire'

type Schemas = components['schemas']

export type Stage = Schemas['OpportunityStage']
export const STAGES = ['Qualifying', 'Proposal', 'Negotiation', 'Closed Won', 'Closed Lost'] as const satisfies readonly Stage[]
export const OPEN_STAGES = ['Qualifying', 'Proposal', 'Negotiation'] as const satisfies readonly Stage[]

export const CONTACT_ROLES = ['Decision Maker', 'Economic Buyer', 'Influencer', 'Technical Buyer', 'Evaluator', 'Other'] as const

/** A row of GET /opportunities. */
export type OpportunityListItem = Wire<Schemas['OpportunityListItem']>
/** GET /opportunities: the page plus the sum of `calculated_amount` over every match. */
export type OpportunityPage = Wire<Schemas['OpportunityListResponse']>
export type LineItem = Wire<Schemas['LineItemResponse']>
export type ContactRole = Wire<Schemas['ContactRoleResponse']>
/** GET /opportunities/{id}, and the answer of every change (fields, line items, contact roles). */
export type Opportunity = Wire<Schemas['OpportunityResponse']>

export type CreateOpportunityRequest = WireBody<Schemas['CreateOpportunityRequest']> & { name: string; stage: Stage; account_id: string }
export type UpdateOpportunityRequest = WireBody<Schemas['UpdateOpportunityRequest']> & { version: number }
// Money goes out as a two-place decimal string (the API takes a number or such a string).
export type AddLineItemRequest = Omit<WireBody<Schemas['AddLineItemRequest']>, 'sale_price'> & { product_id: string; quantity: number; sale_price?: string }
export type UpdateLineItemRequest = Omit<WireBody<Schemas['UpdateLineItemRequest']>, 'sale_price'> & { sale_price?: string }
export type ContactRoleName = (typeof CONTACT_ROLES)[number]
export type AddContactRoleRequest = WireBody<Schemas['AddContactRoleRequest']> & { contact_id: string; role: ContactRoleName }
