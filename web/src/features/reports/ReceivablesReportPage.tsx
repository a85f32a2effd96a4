import { formatDate, formatMoney } from '../../shared/record'
import { useReceivablesReport } from './api'
import { LinkedBarChart } from './LazyCharts'
import { agingBars, receivablesTable } from './receivables'
import { OwnerFilter } from './ReportFilterControls'
import { ReportPage } from './ReportPage'
import { useReportFilters } from './useReportFilters'

/** /reports/receivables — what customers owe, by age of the order; a column opens that bucket's orders. */
export function ReceivablesReportPage() {
  const [{ owner }, update] = useReportFilters()
  const query = useReceivablesReport(owner)
  return (
    <ReportPage
      title="Receivables Aging"
      query={query}
      fileName="receivables-aging.csv"
      filters={<OwnerFilter value={owner} onChange={update} label="Account Owner" />}
      meta={(r) =>
        `${formatMoney(r.total_due)} due on ${r.orders.length} ${r.orders.length === 1 ? 'order' : 'orders'} • ${owner === 'me' ? 'My accounts' : 'All accounts'} • As of ${formatDate(r.as_of)}`
      }
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
