// The pipeline report as bars (one per stage, in pipeline order) and as a table.
import { formatMoney } from '../../shared/record'
import type { Stage } from '../opportunities/types'
import { CHART_COLORS } from './charts/palette'
import { stageHref } from './drilldown'
import type { ReportFilters } from './filters'
import type { BarDatum } from './charts/LinkedBarChart'
import { countColumn, moneyColumn, sumMoney, type ReportTable } from './table'
import type { PipelineReport, PipelineStageRow } from './types'

const STAGE_COLORS: Record<Stage, string> = {
  Qualifying: CHART_COLORS.brandLight,
  Proposal: CHART_COLORS.brand,
  Negotiation: CHART_COLORS.purple,
  'Closed Won': CHART_COLORS.success,
  'Closed Lost': CHART_COLORS.neutral,
}

const plural = (n: number) => `${n} ${n === 1 ? 'opportunity' : 'opportunities'}`

/** A bar per stage (open stages only when asked), each linking to its opportunities under the same filters. */
export function pipelineBars(report: PipelineReport, filters: Pick<ReportFilters, 'owner' | 'from' | 'to'>, openOnly = false): BarDatum[] {
  return report.stages
    .filter((s) => !openOnly || (s.stage !== 'Closed Won' && s.stage !== 'Closed Lost'))
    .map((s) => ({
      label: s.stage,
      value: Number(s.amount) || 0,
      fill: STAGE_COLORS[s.stage],
      description: `${s.stage}: ${plural(s.count)}, ${formatMoney(s.amount)}`,
      href: stageHref(s.stage, filters.owner, filters.from, filters.to),
    }))
}

export function pipelineTable(report: PipelineReport): ReportTable<PipelineStageRow> {
  return {
    columns: [
      { key: 'stage', title: 'Stage', text: (s) => s.stage },
      countColumn('count', 'Opportunities', (s) => s.count),
      moneyColumn('amount', 'Amount', (s) => s.amount),
      moneyColumn('weighted_amount', 'Weighted Amount', (s) => s.weighted_amount),
    ],
    rows: report.stages,
    rowKey: (s) => s.stage,
    total: (() => {
      const count = String(report.stages.reduce((n, s) => n + s.count, 0))
      const amount = sumMoney(report.stages.map((s) => s.amount))
      const weighted = sumMoney(report.stages.map((s) => s.weighted_amount))
      return { text: ['Total', count, formatMoney(amount), formatMoney(weighted)], csv: ['Total', count, amount, weighted] }
    })(),
  }
}
