// Account types: the Sales service's OpenAPI schemas (web/openapi/sales.json, generated into
// shared/api/generated/sales.ts by `npm run gen:api`), adjusted only by the shared wire fix-ups.
import type { components } from '../../shared/api/generated/sales'
import type { Wire, WireBody } from '../../shared/api/wire'

type Schemas = components['schemas']

/** The Type picklist, in the order the API defines it. */
export const ACCOUNT_TYPES = ['Prospect', 'Customer', 'Partner', 'Other'] as const satisfies readonly NonNullable<Schemas['AccountType']>[]

/** A row of GET /accounts. */
export type AccountListItem = Wire<Schemas['AccountListItem']>
/** GET /accounts/{id}, and the answer of POST and PUT. */
export type Account = Wire<Schemas['AccountResponse']>
export type AccountContact = Account['contacts'][number]
export type AccountOpportunity = Account['opportunities'][number]
/** POST /accounts: `name` plus any filled-in fields. */
export type CreateAccountRequest = WireBody<Schemas['CreateAccountRequest']> & { name: string }
/** PUT /accounts/{id}: only the changed fields (null clears one) plus `version`. */
export type UpdateAccountRequest = WireBody<Schemas['UpdateAccountRequest']> & { version: number }
