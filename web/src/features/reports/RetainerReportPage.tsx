import { useQuery } from '@tanstack/react-query'
import { Link, useSearchParams } from 'react-router'
import { api, isApiError } from '../../shared/api'
import { formatMoney } from '../../shared/record'
import { Illustration, PageHeader, SelectField, Spinner } from '../../shared/ui'
import { accountHref } from '../accounts/fields'
import { downloadCsv } from './csv'
import { buildGrid, gridToCsv, MONTH_LABELS, type RetainerReport } from './retainer'

const retainerReportKey = (year: number) => ['reports', 'retainer-payments', year] as const

/** /reports/retainer — retainer payments by account and month of service for one year. */
export function RetainerReportPage() {
  const [params, setParams] = useSearchParams()
  const thisYear = new Date().getFullYear()
  const parsed = Number(params.get('year'))
  const year = Number.isInteger(parsed) && parsed >= 2000 && parsed <= 2100 ? parsed : thisYear
  const years = Array.from({ length: 7 }, (_, i) => thisYear + 1 - i)
  if (!years.includes(year)) years.push(year)

  const report = useQuery({
    queryKey: retainerReportKey(year),
    queryFn: ({ signal }) => api.get<RetainerReport>('/reports/retainer-payments', { year }, signal),
  })
  const grid = report.data ? buildGrid(report.data) : undefined
  const overdueCount = grid ? grid.rows.reduce((n, r) => n + r.cells.filter((c) => c.overdue).length, 0) : 0

  return (
    <div className="crm-page">
      <PageHeader
        icon="standard:report"
        label="Reports"
        title="Retainer Payments"
        meta={grid ? `${grid.rows.length} ${grid.rows.length === 1 ? 'account' : 'accounts'} • ${year} by service period${overdueCount ? ` • ${overdueCount} overdue` : ''}` : undefined}
        actions={
          <button type="button" className="slds-button slds-button_neutral" disabled={!grid} onClick={() => grid && downloadCsv(`retainer-payments-${grid.year}.csv`, gridToCsv(grid))}>
            Download CSV
          </button>
        }
      />
      <div className="slds-card crm-page__body slds-p-around_medium">
        <div className="slds-m-bottom_medium">
          <SelectField
            label="Year"
            className="crm-filter crm-report-year"
            value={String(year)}
            onChange={(v) => setParams({ year: v })}
            options={years.sort((a, b) => b - a).map((y) => ({ value: String(y), label: String(y) }))}
          />
        </div>
        {report.isPending ? (
          <Spinner size="medium" label="Loading the report" />
        ) : report.isError ? (
          <Illustration name="page-not-available" heading="The report couldn't be loaded" message={isApiError(report.error) ? report.error.displayMessage : 'Try again in a moment.'}>
            <button type="button" className="slds-button slds-button_neutral" onClick={() => void report.refetch()}>
              Try Again
            </button>
          </Illustration>
        ) : grid && grid.rows.length === 0 ? (
          <Illustration name="desert" heading={`No retainer payments in ${year}`} message="Payments with a service period appear here by the month the period starts." />
        ) : grid ? (
          <div className="slds-scrollable_x">
            <table className="slds-table slds-table_cell-buffer slds-table_bordered slds-table_col-bordered crm-retainer-report" aria-label={`Retainer payments ${year}`}>
              <thead>
                <tr className="slds-line-height_reset">
                  <th scope="col">Account</th>
                  {MONTH_LABELS.map((m) => (
                    <th key={m} scope="col">
                      {m}
                    </th>
                  ))}
                  <th scope="col">Total</th>
                </tr>
              </thead>
              <tbody>
                {grid.rows.map((r) => (
                  <tr key={r.accountId} data-account={r.accountName}>
                    <th scope="row">
                      <Link to={accountHref(r.accountId)}>{r.accountName}</Link>
                    </th>
                    {r.cells.map((c) => (
                      <td
                        key={c.month}
                        className={c.overdue ? 'crm-overdue' : undefined}
                        title={
                          c.overdue
                            ? `Overdue${c.expected !== undefined ? `: ${formatMoney(c.expected)} expected` : ''}`
                            : c.expected !== undefined
                              ? `${formatMoney(c.expected)} expected`
                              : undefined
                        }
                      >
                        {c.paid ? formatMoney(c.paid) : c.overdue ? formatMoney(0) : ''}
                        {c.overdue ? <span className="slds-assistive-text"> (overdue)</span> : null}
                      </td>
                    ))}
                    <td>
                      <strong>{formatMoney(r.total)}</strong>
                    </td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <td>Total</td>
                  {grid.monthTotals.map((t, i) => (
                    <td key={i}>{formatMoney(t)}</td>
                  ))}
                  <td>{formatMoney(grid.grandTotal)}</td>
                </tr>
              </tfoot>
            </table>
          </div>
        ) : null}
      </div>
    </div>
  )
}
