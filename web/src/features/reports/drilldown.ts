// Where a click on a report's bar goes: the list filtered to what the bar counts. The list pages read
// these parameters from the URL (see OpportunitiesPage, OrdersListPage).
import type { Stage } from '../opportunities/types'
import { monthRange, type OwnerScope } from './filters'
import type { AgingBucket } from './types'

function href(path: string, params: Record<string, string>): string {
  const query = new URLSearchParams(Object.entries(params).filter(([, v]) => v !== ''))
  return `${path}?${query.toString()}`
}

/** The stage's opportunities in the list view, with the report's owner and close-date range. */
export function stageHref(stage: Stage, owner: OwnerScope, from = '', to = ''): string {
  return href('/opportunities', { view: 'list', stage, owner_id: owner, close_from: from, close_to: to })
}

/** The deals won in that month (by close date). */
export function wonMonthHref(year: number, month: number, owner: OwnerScope): string {
  const { from, to } = monthRange(year, month)
  return href('/opportunities', { view: 'list', stage: 'Closed Won', owner_id: owner, close_from: from, close_to: to })
}

/** The orders with a balance due in that aging bucket. */
export function agingHref(bucket: AgingBucket): string {
  return href('/orders', { aging: bucket, balance_due: 'true' })
}
