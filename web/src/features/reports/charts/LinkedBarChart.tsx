import type { KeyboardEvent } from 'react'
import { useNavigate } from 'react-router'
import { Bar, BarChart, CartesianGrid, Cell, Rectangle, ResponsiveContainer, Tooltip, XAxis, YAxis, type BarShapeProps } from 'recharts'
import { CHART_COLORS, compactMoney, plainNumber } from './palette'

export interface BarDatum {
  label: string
  value: number
  /** The bar's colour (default brand blue). */
  fill?: string
  /** What a screen reader announces for the bar, and its tooltip: "Proposal: 3 opportunities, $12,000.00". */
  description: string
  /** Where a click (or Enter) on the bar goes: the records it counts. */
  href?: string
}

export interface LinkedBarChartProps {
  data: readonly BarDatum[]
  /** 'horizontal' bars grow to the right (a funnel-like pipeline); 'vertical' columns grow up. */
  orientation: 'horizontal' | 'vertical'
  /** Money on the value axis (default) or plain counts. */
  valueKind?: 'money' | 'count'
  height?: number
  /** The chart's accessible name. */
  label: string
}

/**
 * One series of bars where each bar is a link (role="link", focusable, Enter opens it), so the chart
 * drills down to the records it counts by mouse and keyboard alike.
 */
export default function LinkedBarChart({ data, orientation, valueKind = 'money', height = 280, label }: LinkedBarChartProps) {
  const navigate = useNavigate()
  const format = valueKind === 'money' ? compactMoney : plainNumber
  const rows = data.map((d) => ({ ...d }))
  const horizontal = orientation === 'horizontal'
  const shape = (props: BarShapeProps) => {
    const datum = data[props.index]
    if (!datum) return <g />
    const href = datum.href
    const open = () => {
      if (href) void navigate(href)
    }
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.key === 'Enter' || e.key === ' ') {
        e.preventDefault()
        open()
      }
    }
    // An empty bar still gets a sliver so it can be clicked and focused.
    const width = horizontal ? Math.max(props.width, 3) : props.width
    const barHeight = horizontal ? props.height : Math.max(props.height, 3)
    const y = horizontal ? props.y : props.y + props.height - barHeight
    return (
      <g role={href ? 'link' : 'img'} aria-label={datum.description} tabIndex={href ? 0 : undefined} onClick={open} onKeyDown={href ? onKeyDown : undefined} className="crm-chart__bar">
        <title>{datum.description}</title>
        <Rectangle x={props.x} y={y} width={width} height={barHeight} fill={datum.fill ?? CHART_COLORS.brand} radius={horizontal ? [0, 3, 3, 0] : [3, 3, 0, 0]} />
      </g>
    )
  }
  return (
    <div className="crm-chart" role="group" aria-label={label}>
      <ResponsiveContainer width="100%" height={height}>
        <BarChart data={rows} layout={horizontal ? 'vertical' : 'horizontal'} margin={{ top: 8, right: 16, bottom: 8, left: 8 }} accessibilityLayer={false}>
          <CartesianGrid stroke={CHART_COLORS.grid} horizontal={!horizontal} vertical={horizontal} />
          {horizontal ? (
            <>
              <XAxis type="number" tickFormatter={format} stroke={CHART_COLORS.text} fontSize={12} allowDecimals={false} />
              <YAxis type="category" dataKey="label" width={100} stroke={CHART_COLORS.text} fontSize={12} />
            </>
          ) : (
            <>
              <XAxis type="category" dataKey="label" stroke={CHART_COLORS.text} fontSize={12} interval={0} />
              <YAxis type="number" tickFormatter={format} stroke={CHART_COLORS.text} fontSize={12} width={64} allowDecimals={false} />
            </>
          )}
          <Tooltip cursor={{ fill: 'rgba(1, 118, 211, 0.08)' }} formatter={(_value, _name, item) => [(item.payload as BarDatum).description, '']} separator="" />
          <Bar dataKey="value" shape={shape} isAnimationActive={false} cursor="pointer">
            {rows.map((d) => (
              <Cell key={d.label} fill={d.fill ?? CHART_COLORS.brand} />
            ))}
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </div>
  )
}
