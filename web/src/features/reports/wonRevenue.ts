// The won-revenue report as monthly columns and as a table; the quarter's figure for Home.
import { formatMoney } from '../../shared/record'
import { CHART_COLORS } from './charts/palette'
import { wonMonthHref } from './drilldown'
import type { OwnerScope } from './filters'
import type { BarDatum } from './charts/LinkedBarChart'
import { MONTH_LABELS } from './retainer'
import { countColumn, moneyColumn, sumMoney, type ReportTable } from './table'
import type { WonRevenueMonth, WonRevenueReport } from './types'

const monthLabel = (month: number) => MONTH_LABELS[month - 1] ?? String(month)

/** A column per month, each linking to that month's won deals. */
export function wonBars(report: WonRevenueReport, owner: OwnerScope): BarDatum[] {
  return report.months.map((m) => ({
    label: monthLabel(m.month),
    value: Number(m.amount) || 0,
    fill: CHART_COLORS.success,
    description: `${monthLabel(m.month)} ${report.year}: ${m.count} won, ${formatMoney(m.amount)}`,
    href: wonMonthHref(report.year, m.month, owner),
  }))
}

export function wonTable(report: WonRevenueReport): ReportTable<WonRevenueMonth> {
  const count = String(report.months.reduce((n, m) => n + m.count, 0))
  return {
    columns: [
      { key: 'month', title: 'Month', text: (m) => `${monthLabel(m.month)} ${report.year}` },
      countColumn('count', 'Deals Won', (m) => m.count),
      moneyColumn('amount', 'Amount', (m) => m.amount),
    ],
    rows: report.months,
    rowKey: (m) => String(m.month),
    total: { text: ['Total', count, formatMoney(report.total)], csv: ['Total', count, report.total] },
  }
}

/** The amount won in the given months (a quarter) as a two-place string. */
export function wonInMonths(report: WonRevenueReport, months: readonly number[]): string {
  return sumMoney(report.months.filter((m) => months.includes(m.month)).map((m) => m.amount))
}
