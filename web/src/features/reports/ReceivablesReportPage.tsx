import { formatDate, formatMoney } from '../../shared/record'
import { useReceivablesReport } from './api'
import { LinkedBarChart } from './LazyCharts'
import { agingBars, receivablesTable } from './receivables'
import { ReportPage } from './ReportPage'

/** /reports/receivables — what customers owe, by age of the order; a column opens that bucket's orders. */
export function ReceivablesReportPage() {
  const query = useReceivablesReport()
  return (
    <ReportPage
      title="Receivables Aging"
      query={query}
      fileName="receivables-aging.csv"
      filters={null}
      meta={(r) => `${formatMoney(r.total_due)} due on ${r.orders.length} ${r.orders.length === 1 ? 'order' : 'orders'} • As of ${formatDate(r.as_of)}`}
      chartTitle="Balance Due by Age"
      chart={(r) => (
        <LinkedBarChart
          label="Balance due by age of the order"
          orientation="vertical"
          data={agingBars(r)}
        />
      )}
      table={receivablesTable}
    />
  )
}
