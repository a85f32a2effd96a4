// The report answers of shared/API.md ("Search, exports, imports and reports"), as the wire carries them:
// money as two-place decimal strings, dates YYYY-MM-DD.
import type { Stage } from '../opportunities/types'

export interface PipelineStageRow {
  stage: Stage
  count: number
  amount: string
  weighted_amount: string
}

/** GET /reports/pipeline: every stage in pipeline order, empty ones too. */
export interface PipelineReport {
  stages: PipelineStageRow[]
  open_amount: string
  open_weighted_amount: string
}

export interface WonRevenueMonth {
  month: number
  count: number
  amount: string
}

/** GET /reports/won-revenue: Closed Won deals of a year by the month of their close date. */
export interface WonRevenueReport {
  year: number
  months: WonRevenueMonth[]
  total: string
}

/** GET /reports/cases. */
export interface CasesReport {
  by_status: { status: string; count: number }[]
  by_priority: { priority: string; count: number }[]
  top_accounts: { account_id: string; account_name: string; open_count: number }[]
  median_hours_to_close: number | null
}

export const AGING_BUCKETS = ['0-30', '31-60', '61-90', '90+'] as const
export type AgingBucket = (typeof AGING_BUCKETS)[number]

export interface ReceivableOrder {
  order_id: string
  order_number: string
  account_id: string
  account_name: string
  order_date: string
  total: string
  total_paid: string
  balance_due: string
  age_days: number
  bucket: AgingBucket
}

/** GET /reports/receivables: orders with a balance due, oldest first, and their aging buckets. */
export interface ReceivablesReport {
  as_of: string
  total_due: string
  buckets: { bucket: AgingBucket; amount: string; count: number }[]
  orders: ReceivableOrder[]
}
