// The receivables report as aging columns and as a table of the orders with a balance due.
import { formatDate, formatMoney } from '../../shared/record'
import { CHART_COLORS } from './charts/palette'
import { agingHref } from './drilldown'
import type { BarDatum } from './charts/LinkedBarChart'
import { countColumn, moneyColumn, sumMoney, type ReportTable } from './table'
import { AGING_BUCKETS, type AgingBucket, type ReceivableOrder, type ReceivablesReport } from './types'

const BUCKET_COLORS: Record<AgingBucket, string> = {
  '0-30': CHART_COLORS.success,
  '31-60': CHART_COLORS.warning,
  '61-90': CHART_COLORS.warningDark,
  '90+': CHART_COLORS.error,
}

function bucket(report: ReceivablesReport, name: AgingBucket) {
  return report.buckets.find((b) => b.bucket === name) ?? { bucket: name, amount: '0.00', count: 0 }
}

/** A column per aging bucket, each linking to that bucket's orders. */
export function agingBars(report: ReceivablesReport): BarDatum[] {
  return AGING_BUCKETS.map((name) => {
    const b = bucket(report, name)
    return {
      label: `${name} days`,
      value: Number(b.amount) || 0,
      fill: BUCKET_COLORS[name],
      description: `${name} days: ${b.count} ${b.count === 1 ? 'order' : 'orders'}, ${formatMoney(b.amount)} due`,
      href: agingHref(name),
    }
  })
}

/** What is due on orders older than 30 days, and how many orders. */
export function overdueOver30(report: ReceivablesReport): { amount: string; count: number } {
  const older = AGING_BUCKETS.filter((b) => b !== '0-30').map((name) => bucket(report, name))
  return { amount: sumMoney(older.map((b) => b.amount)), count: older.reduce((n, b) => n + b.count, 0) }
}

export function receivablesTable(report: ReceivablesReport): ReportTable<ReceivableOrder> {
  const count = report.orders.length
  return {
    columns: [
      { key: 'order_number', title: 'Order Number', text: (o) => o.order_number, href: (o) => `/orders/${o.order_id}` },
      { key: 'account_name', title: 'Account Name', text: (o) => o.account_name, href: (o) => `/accounts/${o.account_id}` },
      { key: 'order_date', title: 'Order Date', text: (o) => formatDate(o.order_date), csv: (o) => o.order_date },
      moneyColumn('total', 'Total', (o) => o.total),
      moneyColumn('total_paid', 'Total Paid', (o) => o.total_paid),
      moneyColumn('balance_due', 'Balance Due', (o) => o.balance_due),
      countColumn('age_days', 'Age (Days)', (o) => o.age_days),
      { key: 'bucket', title: 'Aging', text: (o) => o.bucket },
    ],
    rows: report.orders,
    rowKey: (o) => o.order_id,
    total: {
      text: [`${count} ${count === 1 ? 'order' : 'orders'}`, '', '', '', '', formatMoney(report.total_due), '', ''],
      csv: ['Total', '', '', '', '', report.total_due, '', ''],
    },
  }
}
