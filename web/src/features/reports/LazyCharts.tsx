import { lazy, Suspense } from 'react'
import { Spinner } from '../../shared/ui'
import type { LinkedBarChartProps } from './charts/LinkedBarChart'
import type { StackedBarChartProps } from './charts/StackedBarChart'

// The chart library is loaded with the first page that draws a chart, not with the app.
const LinkedBars = lazy(() => import('./charts/LinkedBarChart'))
const StackedBars = lazy(() => import('./charts/StackedBarChart'))

function ChartFallback({ height }: { height: number }) {
  return (
    <div className="slds-is-relative" style={{ height }}>
      <Spinner size="small" label="Loading the chart" />
    </div>
  )
}

export function LinkedBarChart(props: LinkedBarChartProps) {
  return (
    <Suspense fallback={<ChartFallback height={props.height ?? 280} />}>
      <LinkedBars {...props} />
    </Suspense>
  )
}

export function StackedBarChart(props: StackedBarChartProps) {
  return (
    <Suspense fallback={<ChartFallback height={props.height ?? 220} />}>
      <StackedBars {...props} />
    </Suspense>
  )
}
