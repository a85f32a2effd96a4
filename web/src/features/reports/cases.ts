// The cases report: status and priority as stacked bars, both breakdowns as one table.
import { CHART_COLORS } from './charts/palette'
import type { StackSeries } from './charts/StackedBarChart'
import { countColumn, type ReportTable } from './table'
import type { CasesReport } from './types'

const STATUS_COLORS: Record<string, string> = { New: CHART_COLORS.brandLight, 'In Progress': CHART_COLORS.purple, Closed: CHART_COLORS.success }
const PRIORITY_COLORS: Record<string, string> = { High: CHART_COLORS.error, Medium: CHART_COLORS.warning, Low: CHART_COLORS.brand }

export interface CasesBreakdownRow {
  group: 'Status' | 'Priority'
  value: string
  count: number
}

/** Two bars: the cases by status, and the same cases by priority; a segment per value. */
export function casesStacks(report: CasesReport): { rows: ({ label: string } & Record<string, number | string>)[]; series: StackSeries[] } {
  const status: Record<string, number | string> = { label: 'By status' }
  for (const s of report.by_status) status[s.status] = s.count
  const priority: Record<string, number | string> = { label: 'By priority' }
  for (const p of report.by_priority) priority[p.priority] = p.count
  const series = [
    ...report.by_status.map((s) => ({ key: s.status, color: STATUS_COLORS[s.status] ?? CHART_COLORS.neutral })),
    ...report.by_priority.map((p) => ({ key: p.priority, color: PRIORITY_COLORS[p.priority] ?? CHART_COLORS.neutral })),
  ]
  return { rows: [status as { label: string }, priority as { label: string }], series }
}

export function casesTable(report: CasesReport): ReportTable<CasesBreakdownRow> {
  const rows: CasesBreakdownRow[] = [
    ...report.by_status.map((s) => ({ group: 'Status' as const, value: s.status, count: s.count })),
    ...report.by_priority.map((p) => ({ group: 'Priority' as const, value: p.priority, count: p.count })),
  ]
  return {
    columns: [{ key: 'group', title: 'Breakdown', text: (r) => r.group }, { key: 'value', title: 'Value', text: (r) => r.value }, countColumn('count', 'Cases', (r) => r.count)],
    rows,
    rowKey: (r) => `${r.group}:${r.value}`,
  }
}

/** "3.5 hours", "2.1 days", or "—" when no case was closed. */
export function medianLabel(hours: number | null): string {
  if (hours === null || !Number.isFinite(hours)) return '—'
  return hours < 48 ? `${hours.toFixed(1)} hours` : `${(hours / 24).toFixed(1)} days`
}
