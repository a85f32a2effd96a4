import type { UseQueryResult } from '@tanstack/react-query'
import { Link } from 'react-router'
import { formatMoney } from '../../shared/record'
import { quarterMonths, type OwnerScope } from '../reports/filters'
import { overdueOver30 } from '../reports/receivables'
import { wonInMonths } from '../reports/wonRevenue'
import type { HomeFigures } from './useHomeFigures'

interface TileProps<R> {
  id: string
  label: string
  query: UseQueryResult<R>
  value: (data: R) => string
  detail?: (data: R) => string
  href: string
  tone?: 'error'
}

/** One key figure: label, big number, a line of detail; links to the records behind it. */
function Tile<R>({ id, label, query, value, detail, href, tone }: TileProps<R>) {
  const state = query.data !== undefined ? 'ready' : query.isError ? 'error' : 'loading'
  return (
    <li className="crm-kpi" data-kpi={id} data-state={state}>
      <Link to={href} className="crm-kpi__link">
        <span className="crm-kpi__label">{label}</span>
        <span className={tone === 'error' && state === 'ready' ? 'crm-kpi__value crm-kpi__value_error' : 'crm-kpi__value'} aria-live="polite">
          {state === 'ready' ? value(query.data as R) : state === 'error' ? 'Unavailable' : '…'}
        </span>
        <span className="crm-kpi__detail">{state === 'ready' && detail ? detail(query.data as R) : '\u00a0'}</span>
      </Link>
    </li>
  )
}

const count = (n: number, one: string, many: string) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`

/** Home's key figures for everyone's records or the signed-in user's (receivables: of the accounts they own). */
export function KpiTiles({ figures, owner }: { figures: HomeFigures; owner: OwnerScope }) {
  const now = new Date()
  const quarter = quarterMonths(now)
  const mine = owner === 'me' ? '&owner_id=me' : ''
  return (
    <ul className="crm-kpis" aria-label="Key figures">
      <Tile
        id="open-pipeline"
        label="Open Pipeline"
        query={figures.pipeline}
        value={(r) => formatMoney(r.open_amount)}
        detail={(r) => count(r.stages.filter((s) => s.stage !== 'Closed Won' && s.stage !== 'Closed Lost').reduce((n, s) => n + s.count, 0), 'open deal', 'open deals')}
        href={`/reports/pipeline${owner === 'me' ? '?owner_id=me' : ''}`}
      />
      <Tile
        id="weighted-pipeline"
        label="Weighted Pipeline"
        query={figures.pipeline}
        value={(r) => formatMoney(r.open_weighted_amount)}
        detail={() => 'Amount × stage probability'}
        href={`/reports/pipeline${owner === 'me' ? '?owner_id=me' : ''}`}
      />
      <Tile
        id="won-quarter"
        label="Won This Quarter"
        query={figures.won}
        value={(r) => formatMoney(wonInMonths(r, quarter))}
        detail={(r) => count(r.months.filter((m) => quarter.includes(m.month)).reduce((n, m) => n + m.count, 0), 'deal', 'deals') + ` in Q${Math.floor(now.getMonth() / 3) + 1}`}
        href={`/reports/won-revenue${owner === 'me' ? '?owner_id=me' : ''}`}
      />
      <Tile
        id="overdue-tasks"
        label="Overdue Tasks"
        query={figures.overdueTasks}
        value={(n) => n.toLocaleString('en-US')}
        detail={() => (owner === 'me' ? 'Assigned to me' : 'Everyone’s')}
        href="/tasks"
        tone="error"
      />
      <Tile
        id="open-cases"
        label="Open Cases"
        query={figures.openCases}
        value={(n) => n.toLocaleString('en-US')}
        detail={() => (owner === 'me' ? 'Owned by me' : 'Everyone’s')}
        href={`/cases${mine ? '?view=my' : ''}`}
      />
      <Tile
        id="receivables-overdue"
        label="Receivables Over 30 Days"
        query={figures.receivables}
        value={(r) => formatMoney(overdueOver30(r).amount)}
        detail={(r) => `${count(overdueOver30(r).count, 'order', 'orders')} • ${owner === 'me' ? 'my accounts' : 'all accounts'}`}
        href={`/reports/receivables${owner === 'me' ? '?owner_id=me' : ''}`}
        tone="error"
      />
    </ul>
  )
}
