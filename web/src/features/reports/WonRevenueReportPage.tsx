import { formatMoney } from '../../shared/record'
import { useWonRevenueReport } from './api'
import { LinkedBarChart } from './LazyCharts'
import { OwnerFilter, YearFilter } from './ReportFilterControls'
import { ReportPage } from './ReportPage'
import { useReportFilters } from './useReportFilters'
import { wonBars, wonTable } from './wonRevenue'

/** /reports/won-revenue — Closed Won amounts by month of a year; a column opens that month's won deals. */
export function WonRevenueReportPage() {
  const [filters, update] = useReportFilters()
  const { owner, year } = filters
  const query = useWonRevenueReport(year, owner)
  return (
    <ReportPage
      title="Won Revenue by Month"
      query={query}
      fileName={`won-revenue-${year}.csv`}
      filters={
        <>
          <OwnerFilter value={owner} onChange={update} label="Opportunity Owner" />
          <YearFilter value={year} onChange={update} />
        </>
      }
      meta={(r) => `${formatMoney(r.total)} won in ${r.year} • ${owner === 'me' ? 'My opportunities' : 'All opportunities'}`}
      chartTitle={`Won Revenue ${year}`}
      chart={(r) => (
        <LinkedBarChart
          label={`Won revenue by month, ${r.year}`}
          orientation="vertical"
          data={wonBars(r, owner)}
        />
      )}
      table={wonTable}
    />
  )
}
