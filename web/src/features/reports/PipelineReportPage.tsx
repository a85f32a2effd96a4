import { ReportPage } from './ReportPage'
import { formatDateRange, formatMoney } from '../../shared/record'
import { usePipelineReport } from './api'
import { LinkedBarChart } from './LazyCharts'
import { pipelineBars, pipelineTable } from './pipeline'
import { DateRangeFilter, OwnerFilter } from './ReportFilterControls'
import { useReportFilters } from './useReportFilters'

/** /reports/pipeline — opportunities by stage (amount and weighted amount); a bar opens that stage's list. */
export function PipelineReportPage() {
  const [filters, update] = useReportFilters()
  const { owner, from, to } = filters
  const query = usePipelineReport({ owner, from, to })
  return (
    <ReportPage
      title="Pipeline by Stage"
      query={query}
      fileName="pipeline-by-stage.csv"
      filters={
        <>
          <OwnerFilter value={owner} onChange={update} label="Opportunity Owner" />
          <DateRangeFilter label="Close Date" from={from} to={to} onChange={update} />
        </>
      }
      meta={(r) =>
        [`Open ${formatMoney(r.open_amount)}`, `Weighted ${formatMoney(r.open_weighted_amount)}`, owner === 'me' ? 'My opportunities' : 'All opportunities', formatDateRange(from, to)]
          .filter(Boolean)
          .join(' • ')
      }
      chartTitle="Amount by Stage"
      chart={(r) => (
        <LinkedBarChart
          label="Pipeline amount by stage"
          orientation="horizontal"
          data={pipelineBars(r, filters)}
        />
      )}
      table={pipelineTable}
    />
  )
}
