// Contract types: the Billing service's OpenAPI schemas (web/openapi/billing.json → generated/billing.ts).
import type { components } from '../../shared/api/generated/billing'
import type { Wire, WireBody } from '../../shared/api/wire'

type Schemas = components['schemas']

export type BillingCycle = Schemas['BillingCycle']
export const BILLING_CYCLES = ['Monthly', 'Quarterly', 'Annually'] as const satisfies readonly BillingCycle[]
export type ContractStatus = Schemas['ContractStatus']
export const CONTRACT_STATUSES = ['Active', 'Expired', 'Terminated'] as const satisfies readonly ContractStatus[]

/** A row of GET /contracts. */
export type ContractListItem = Wire<Schemas['ContractListItem']>
/** GET /contracts/{id}, with its payments. */
export type Contract = Wire<Schemas['ContractResponse']>
/** POST /opportunities/{id}/generate-contract (money as a two-place decimal string). */
export type GenerateContractRequest = Omit<WireBody<Schemas['GenerateContractRequest']>, 'price_per_cycle'> & {
  start_date: string
  end_date: string
  billing_cycle: BillingCycle
  price_per_cycle?: string
}
export type ContractPeriod = Contract['schedule'][number]
export type SchedulePeriodStatus = Schemas['SchedulePeriodStatus']
/** PUT /contracts/{id}: `end_date`, `notes`, `status` (Terminated ends it) plus `version`. */
export type UpdateContractRequest = WireBody<Schemas['UpdateContractRequest']> & { version: number }
export const TERMINATED = 'Terminated' satisfies ContractStatus
