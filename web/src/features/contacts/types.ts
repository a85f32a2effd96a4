// Contact types: the Sales service's OpenAPI schemas (web/openapi/sales.json → generated/sales.ts).
import type { components } from '../../shared/api/generated/sales'
import type { Wire, WireBody } from '../../shared/api/wire'

type Schemas = components['schemas']

/** A row of GET /contacts. */
export type ContactListItem = Wire<Schemas['ContactListItem']>
/** GET /contacts/{id}, and the answer of POST and PUT. */
export type Contact = Wire<Schemas['ContactResponse']>
/** POST /contacts: `last_name` and `account_id` plus any filled-in fields. */
export type CreateContactRequest = WireBody<Schemas['CreateContactRequest']> & { last_name: string; account_id: string }
/** PUT /contacts/{id}: only the changed fields plus `version`. */
export type UpdateContactRequest = WireBody<Schemas['UpdateContactRequest']> & { version: number }
