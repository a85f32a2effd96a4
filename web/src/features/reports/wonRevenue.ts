// The won-revenue report as monthly columns and as a table; the quarter's figure for Home.
import { formatMoney } from '../../shared/record'
import { CHART_COLORS } from './charts/palette'
import type { BarDatum } from './charts/LinkedBarChart'
import { MONTH_LABELS } from './retainer'
import { countColumn, moneyColumn, sumMoney, type ReportTable } from './table'
import type { WonRevenueMonth, WonRevenueReport } from './types'

const monthLabel = (month: number) => MONTH_LABELS[month - 1] ?? String(month)

export function wonBars(report: WonRevenueReport): BarDatum[] {
  return report.months.map((m) => ({
    label: monthLabel(m.month),
    value: Number(m.amount) || 0,
    fill: CHART_COLORS.success,
    description: `${monthLabel(m.month)} ${report.year}: ${m.count} won, ${formatMoney(m.amount)}`,
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
