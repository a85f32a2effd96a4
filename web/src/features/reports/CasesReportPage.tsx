import { Link } from 'react-router'
import { formatDateRange } from '../../shared/record'
import { Card } from '../../shared/ui'
import { accountHref } from '../accounts/fields'
import { useCasesReport } from './api'
import { casesStacks, casesTable, medianLabel } from './cases'
import { StackedBarChart } from './LazyCharts'
import { DateRangeFilter, OwnerFilter } from './ReportFilterControls'
import { ReportPage } from './ReportPage'
import { useReportFilters } from './useReportFilters'
import type { CasesReport } from './types'

function TopAccounts({ report }: { report: CasesReport }) {
  return (
    <Card title="Accounts with the Most Open Cases" icon="standard:account" className="crm-home-card" bodyClassName="slds-card__body">
      {report.top_accounts.length === 0 ? (
        <p className="slds-p-horizontal_medium slds-text-color_weak">No open cases.</p>
      ) : (
        <ul className="slds-has-dividers_bottom-space">
          {report.top_accounts.map((a) => (
            <li key={a.account_id} className="slds-item slds-grid slds-grid_align-spread slds-p-horizontal_medium">
              <Link to={accountHref(a.account_id)}>{a.account_name}</Link>
              <span>
                {a.open_count} open
              </span>
            </li>
          ))}
        </ul>
      )}
    </Card>
  )
}

/** /reports/cases — cases by status and by priority, median time to close, the accounts with most open cases. */
export function CasesReportPage() {
  const [filters, update] = useReportFilters()
  const { owner, from, to } = filters
  const query = useCasesReport({ owner, from, to })
  return (
    <ReportPage
      title="Cases by Status and Priority"
      query={query}
      fileName="cases-by-status-and-priority.csv"
      filters={
        <>
          <OwnerFilter value={owner} onChange={update} label="Case Owner" />
          <DateRangeFilter label="Created" from={from} to={to} onChange={update} />
        </>
      }
      meta={(r) =>
        [`${r.by_status.reduce((n, s) => n + s.count, 0)} cases`, `Median time to close ${medianLabel(r.median_hours_to_close)}`, owner === 'me' ? 'My cases' : 'All cases', formatDateRange(from, to)]
          .filter(Boolean)
          .join(' • ')
      }
      chartTitle="Cases"
      chart={(r) => {
        const { rows, series } = casesStacks(r)
        return <StackedBarChart label="Cases by status and by priority" rows={rows} series={series} />
      }}
      table={casesTable}
      extra={(r) => <TopAccounts report={r} />}
    />
  )
}
