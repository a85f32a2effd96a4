// Order types: the Billing service's OpenAPI schemas (web/openapi/billing.json → generated/billing.ts).
import type { components } from '../../shared/api/generated/billing'
import type { Wire, WireBody } from '../../shared/api/wire'

type Schemas = components['schemas']

export type OrderStatus = Schemas['OrderStatus']
export const ORDER_STATUSES = ['Awaiting Payment', 'Partially Paid', 'Paid in Full', 'Fulfilled', 'Cancelled'] as const satisfies readonly OrderStatus[]

/** A row of GET /orders. */
export type OrderListItem = Wire<Schemas['OrderListItem']>
/** GET /orders/{id}: line items, payments and the totals. */
export type Order = Wire<Schemas['OrderResponse']>
export type OrderLine = Order['line_items'][number]
/** PUT /orders/{id}: the status only (Fulfilled, Cancelled) plus `version`. */
export type UpdateOrderRequest = WireBody<Schemas['UpdateOrderRequest']> & { status: OrderStatus; version: number }
