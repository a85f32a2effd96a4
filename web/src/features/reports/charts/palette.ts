// SLDS palette colours for the charts (brand, success, warning, error, purple and their neighbours).
export const CHART_COLORS = {
  brand: '#0176d3',
  brandLight: '#1b96ff',
  success: '#2e844a',
  warning: '#fe9339',
  warningDark: '#dd7a01',
  error: '#ba0517',
  purple: '#9050e9',
  neutral: '#747474',
  grid: '#e5e5e5',
  text: '#444444',
} as const

const compact = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', notation: 'compact', maximumFractionDigits: 1 })
const plain = new Intl.NumberFormat('en-US')

/** Axis ticks: "$12.5K". */
export const compactMoney = (n: number) => compact.format(n)
/** Axis ticks of counts: "1,200". */
export const plainNumber = (n: number) => plain.format(n)
