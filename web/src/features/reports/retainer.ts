// The retainer payments report as a grid (Account × Jan..Dec + Total, paid amounts, overdue months
// marked, the month totals underneath) and as CSV. Pure, unit-tested.
import type { components } from '../../shared/api/generated/billing'
import type { Wire } from '../../shared/api/wire'
import { toCsv } from './csv'

export type RetainerReport = Wire<components['schemas']['RetainerReport']>

export const MONTH_LABELS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const

export interface GridCell {
  month: number
  /** Paid in that month (0 when nothing). */
  paid: number
  /** Expected in that month, when the API says. */
  expected?: number
  overdue: boolean
}

export interface GridRow {
  accountId: string
  accountName: string
  cells: GridCell[]
  total: number
}

export interface RetainerGrid {
  year: number
  rows: GridRow[]
  monthTotals: number[]
  grandTotal: number
}

const toNumber = (v: unknown): number => {
  const n = typeof v === 'number' ? v : typeof v === 'string' ? Number(v) : NaN
  return Number.isFinite(n) ? n : 0
}

/** A row's overdue months ("ended before today, less paid than expected") as "accountId:month". */
export function overdueKeys(report: RetainerReport): Set<string> {
  const keys = new Set<string>()
  for (const r of report.rows) for (const m of r.overdue) if (m >= 1 && m <= 12) keys.add(`${r.account_id}:${m}`)
  return keys
}

export function buildGrid(report: RetainerReport): RetainerGrid {
  const overdue = overdueKeys(report)
  const rows: GridRow[] = report.rows.map((r) => {
    const cells: GridCell[] = []
    for (let month = 1; month <= 12; month++) {
      const expected = r.expected[String(month)]
      cells.push({
        month,
        paid: toNumber(r.months[String(month)]),
        expected: expected === undefined ? undefined : toNumber(expected),
        overdue: overdue.has(`${r.account_id}:${month}`),
      })
    }
    const total = r.total === null ? cells.reduce((s, c) => s + c.paid, 0) : toNumber(r.total)
    return { accountId: r.account_id, accountName: r.account_name, cells, total }
  })
  // The API sums the paid amounts per month (months without any are left out of the map).
  const monthTotals = Array.from({ length: 12 }, (_, i) => toNumber(report.month_totals[String(i + 1)]))
  const grandTotal = report.total === null ? rows.reduce((s, r) => s + r.total, 0) : toNumber(report.total)
  return { year: report.year, rows, monthTotals, grandTotal }
}

const money2 = (n: number) => n.toFixed(2)

/** The grid as CSV (header, one line per account, a Total line), amounts with two places. */
export function gridToCsv(grid: RetainerGrid): string {
  const lines = [['Account', ...MONTH_LABELS, 'Total']]
  for (const r of grid.rows) lines.push([r.accountName, ...r.cells.map((c) => money2(c.paid)), money2(r.total)])
  lines.push(['Total', ...grid.monthTotals.map(money2), money2(grid.grandTotal)])
  return toCsv(lines)
}
