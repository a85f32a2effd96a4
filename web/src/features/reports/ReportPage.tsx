import type { UseQueryResult } from '@tanstack/react-query'
import type { ReactNode } from 'react'
import { isApiError } from '../../shared/api'
import { Card, Illustration, PageHeader, Spinner } from '../../shared/ui'
import { downloadCsv } from './csv'
import { ReportTableView } from './ReportTableView'
import { tableCsv, type ReportTable } from './table'

export interface ReportPageProps<R, T> {
  title: string
  /** The report's answer. */
  query: UseQueryResult<R>
  /** The filter controls (kept in the URL by the page). */
  filters: ReactNode
  /** "3 stages • Mine" under the title, once loaded. */
  meta?: (report: R) => ReactNode
  chartTitle: string
  chart: (report: R) => ReactNode
  table: (report: R) => ReportTable<T>
  /** More content after the table (e.g. the top accounts of the cases report). */
  extra?: (report: R) => ReactNode
  fileName: string
}

/**
 * The frame of every report page: SLDS page header with "Download CSV", the filters, the chart card and
 * the table card beneath it, with the loading and error states.
 */
export function ReportPage<R, T>({ title, query, filters, meta, chartTitle, chart, table, extra, fileName }: ReportPageProps<R, T>) {
  const report = query.data
  const model = report ? table(report) : undefined
  return (
    <div className="crm-page crm-report">
      <PageHeader
        icon="standard:report"
        label="Reports"
        title={title}
        meta={report && meta ? meta(report) : query.isPending ? 'Loading…' : undefined}
        actions={
          <button type="button" className="slds-button slds-button_neutral" disabled={!model} onClick={() => model && downloadCsv(fileName, tableCsv(model))}>
            Download CSV
          </button>
        }
        controls={<div className="slds-page-header__control slds-grid slds-grid_vertical-align-end crm-list-controls crm-report-filters">{filters}</div>}
      />
      <div className="crm-page__body">
        {query.isPending ? (
          <div className="slds-card slds-p-around_large slds-is-relative crm-report__loading">
            <Spinner size="medium" label="Loading the report" />
          </div>
        ) : query.isError ? (
          <div className="slds-card slds-p-around_large">
            <Illustration name="page-not-available" heading="The report couldn't be loaded" message={isApiError(query.error) ? query.error.displayMessage : 'Try again in a moment.'}>
              <button type="button" className="slds-button slds-button_neutral" onClick={() => void query.refetch()}>
                Try Again
              </button>
            </Illustration>
          </div>
        ) : report && model ? (
          <>
            <Card title={chartTitle} icon="standard:chart" className="crm-home-card">
              {chart(report)}
            </Card>
            <Card title="Details" icon="standard:table" className="crm-home-card" bodyClassName="slds-card__body">
              <ReportTableView table={model} label={title} />
            </Card>
            {extra?.(report)}
          </>
        ) : null}
      </div>
    </div>
  )
}
