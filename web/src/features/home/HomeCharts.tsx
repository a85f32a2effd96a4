import type { UseQueryResult } from '@tanstack/react-query'
import type { ReactNode } from 'react'
import { Link } from 'react-router'
import { Card, Spinner } from '../../shared/ui'
import type { OwnerScope } from '../reports/filters'
import { LinkedBarChart } from '../reports/LazyCharts'
import { pipelineBars } from '../reports/pipeline'
import { wonBars } from '../reports/wonRevenue'
import type { HomeFigures } from './useHomeFigures'

function ChartCard<R>({ title, query, href, children }: { title: string; query: UseQueryResult<R>; href: string; children: (data: R) => ReactNode }) {
  return (
    <Card title={title} icon="standard:chart" className="crm-home-card" footer={<Link to={href}>View Report</Link>}>
      {query.data !== undefined ? (
        children(query.data)
      ) : query.isError ? (
        <p className="slds-text-color_error slds-p-vertical_medium">This chart couldn't be loaded.</p>
      ) : (
        <div className="slds-is-relative" style={{ height: 240 }}>
          <Spinner size="small" label={`Loading ${title}`} />
        </div>
      )}
    </Card>
  )
}

/** The open pipeline by stage and this year's won revenue by month; bars open the matching lists. */
export function HomeCharts({ figures, owner, year }: { figures: HomeFigures; owner: OwnerScope; year: number }) {
  const mine = owner === 'me' ? '?owner_id=me' : ''
  return (
    <div className="slds-grid slds-wrap slds-gutters_direct-x-small">
      <div className="slds-col slds-size_1-of-1 slds-medium-size_1-of-2">
        <ChartCard title="Open Pipeline by Stage" query={figures.pipeline} href={`/reports/pipeline${mine}`}>
          {(r) => (
            <LinkedBarChart
              label="Open pipeline by stage"
              orientation="horizontal"
              height={240}
              data={pipelineBars(r, { owner, from: '', to: '' }, true)}
            />
          )}
        </ChartCard>
      </div>
      <div className="slds-col slds-size_1-of-1 slds-medium-size_1-of-2">
        <ChartCard title={`Won Revenue ${year}`} query={figures.won} href={`/reports/won-revenue${mine}`}>
          {(r) => (
            <LinkedBarChart
              label={`Won revenue by month, ${r.year}`}
              orientation="vertical"
              height={240}
              data={wonBars(r, owner)}
            />
          )}
        </ChartCard>
      </div>
    </div>
  )
}
