// Payment types: the Billing service's OpenAPI schemas (web/openapi/billing.json → generated/billing.ts).
import type { components } from '../../shared/api/generated/billing'
import type { Wire, WireBody } from '../../shared/api/wire'

type Schemas = components['schemas']

export type PaymentMethod = Schemas['PaymentMethod']
export type PaymentStatus = Schemas['PaymentStatus']
export const PAYMENT_METHODS = ['Stripe', 'PayPal', 'Cash', 'Bank Transfer'] as const satisfies readonly PaymentMethod[]
/** The statuses a person logs; Void only comes from the Void action. */
export const LOGGED_PAYMENT_STATUSES = ['Completed', 'Pending', 'Failed'] as const satisfies readonly PaymentStatus[]
export const PAYMENT_STATUSES = [...LOGGED_PAYMENT_STATUSES, 'Void'] as const satisfies readonly PaymentStatus[]

/** A row of GET /payments (and of an order's or a contract's payments). */
export type PaymentListItem = Wire<Schemas['PaymentListItem']>
export type Payment = Wire<Schemas['PaymentResponse']>
/** POST /orders/{id}/payments and /contracts/{id}/payments (money as a two-place decimal string). */
export type CreatePaymentRequest = Omit<WireBody<Schemas['CreatePaymentRequest']>, 'amount'> & {
  amount: string
  payment_date: string
  payment_method: PaymentMethod
}
export type UpdatePaymentRequest = Omit<WireBody<Schemas['UpdatePaymentRequest']>, 'amount'> & { amount?: string; version: number }
