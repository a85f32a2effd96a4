import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts'
import { CHART_COLORS, plainNumber } from './palette'

export interface StackSeries {
  key: string
  color: string
}

export interface StackedBarChartProps {
  /** One bar per row: `{ label: 'By status', New: 3, Closed: 5 }`. */
  rows: readonly ({ label: string } & Record<string, number | string>)[]
  series: readonly StackSeries[]
  height?: number
  label: string
}

/** Counts as horizontal stacked bars, one segment per series, with a legend. */
export default function StackedBarChart({ rows, series, height = 220, label }: StackedBarChartProps) {
  return (
    <div className="crm-chart" role="img" aria-label={label}>
      <ResponsiveContainer width="100%" height={height}>
        <BarChart data={rows.map((r) => ({ ...r }))} layout="vertical" margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
          <CartesianGrid stroke={CHART_COLORS.grid} horizontal={false} />
          <XAxis type="number" tickFormatter={plainNumber} stroke={CHART_COLORS.text} fontSize={12} allowDecimals={false} />
          <YAxis type="category" dataKey="label" width={100} stroke={CHART_COLORS.text} fontSize={12} />
          <Tooltip cursor={{ fill: 'rgba(1, 118, 211, 0.08)' }} />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          {series.map((s) => (
            <Bar key={s.key} dataKey={s.key} stackId="total" fill={s.color} isAnimationActive={false} barSize={32} />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  )
}
